//! quotegraph: find quotations in news text, attribute them to speakers,
//! resolve speakers and the entities they talk about, and store the result
//! as a knowledge graph in SQLite.
//!
//! The core is pure: [`extract::extract`] maps a `&str` to an
//! [`model::Extraction`] whose spans are byte ranges into that text.
//!
//! ```
//! let text = "“We are ready to hand over the government,” said Dr. Basem Naim, a senior Hamas official.";
//! let x = quotegraph::extract::extract(text);
//! let q = &x.quotes[0];
//! assert_eq!(q.content.slice(text), "We are ready to hand over the government");
//! let speaker = q.speaker.unwrap();
//! assert_eq!(speaker.mention.unwrap().slice(text), "Dr. Basem Naim");
//! assert_eq!(x.entity(speaker.entity.unwrap()).name, "Basem Naim");
//! ```

pub mod corpus;
pub mod eval;
pub mod export;
pub mod extract;
pub mod extracted;
pub mod graph;
pub mod input;
pub mod learn;
pub mod model;
pub mod report;
pub mod serve;
pub mod store;
pub mod text;
