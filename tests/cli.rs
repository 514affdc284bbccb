//! The one integration-test binary: each module below is a group of tests.

mod entity_cases;
