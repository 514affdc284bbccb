#!/usr/bin/env python3
"""Extraction as a Spark stage (docs/scale-out.md).

Reads documents, pipes each partition through `quotegraph extract --format
jsonl --input-format jsonl --with-text -` on the executors, and writes

    OUT/records/part-*         one JSONL record per document, in input order
                               (`quotegraph ingest --extracted OUT/records`)
    OUT/quotes/, OUT/mentions/, OUT/entities/, OUT/documents/
                               Parquet tables for Spark SQL, DuckDB, pandas

Input: JSONL files of {"id", "text", "title"?, "date"?, "url"?, "outlet"?}
(one document a line), or Parquet with those columns. Several inputs are
read in the order given; order within an input is kept (no shuffle), so
`ingest --extracted` builds the database a single machine would build.

On a cluster (the binary travels with --files; build it for the executors'
platform):

    spark-submit --master yarn --files target/release/quotegraph \\
        scripts/spark/extract.py --binary quotegraph hdfs:///corpus/*.jsonl hdfs:///out

Locally, with pyspark from pip:

    python3 scripts/spark/extract.py --master 'local[2]' \\
        --binary target/release/quotegraph docs.jsonl out

A line that is not a document, or a document whose extraction fails,
becomes a record with an `error` field (counted and reported at the end);
it never fails the stage. A partition whose records do not match its
documents one for one (the binary crashed) fails its task, which Spark
retries.
"""

import argparse
import os
import subprocess
import sys
import threading

# Columns of a document, as `quotegraph extract --input-format jsonl` reads them.
DOC_COLUMNS = ["id", "text", "title", "date", "url", "outlet"]

# Exit codes of `quotegraph extract`: 0 all documents extracted, 1 some
# inputs failed (they have error records). Anything else lost records.
OK_EXIT_CODES = (0, 1)


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="JSONL or Parquet files or directories")
    p.add_argument("output", metavar="OUT", help="output directory (must not exist)")
    p.add_argument("--binary", default="quotegraph",
                   help="the quotegraph binary: a local path (shipped with SparkContext.addFile) "
                        "or the name of a file shipped with spark-submit --files (default: quotegraph)")
    p.add_argument("--master", default=None, help="Spark master when run with python3 (e.g. local[2])")
    p.add_argument("--input-format", choices=["auto", "jsonl", "parquet"], default="auto",
                   help="auto: Parquet for *.parquet paths and directories holding them, else JSONL")
    p.add_argument("--min-partitions", type=int, default=None,
                   help="minimum number of partitions of JSONL input (default: Spark's)")
    p.add_argument("--no-tables", action="store_true", help="write the JSONL records only")
    return p.parse_args(argv)


def is_parquet(path):
    if path.endswith(".parquet"):
        return True
    if os.path.isdir(path):
        return any(n.endswith(".parquet") for n in os.listdir(path))
    return False


def documents(spark, inputs, fmt, min_partitions):
    """One RDD of JSON document lines, in input order."""
    sc = spark.sparkContext
    rdds = []
    for path in inputs:
        parquet = fmt == "parquet" or (fmt == "auto" and is_parquet(path))
        if parquet:
            df = spark.read.parquet(path)
            cols = [c for c in DOC_COLUMNS if c in df.columns]
            # toJSON leaves out nulls: a missing date is no date.
            rdds.append(df.select(*cols).toJSON())
        else:
            # Lines go through as they are: a bad line gets an error record.
            rdds.append(sc.textFile(path, minPartitions=min_partitions))
    return rdds[0] if len(rdds) == 1 else sc.union(rdds)


def extract_partitions(binary_name, threads):
    """The function run on each partition: RDD.pipe's mechanism (a child
    process fed by a thread), with the binary found on the executor
    (SparkFiles) and a check that every document came back as a record."""

    def run(index, lines):
        from pyspark import SparkFiles

        binary = SparkFiles.get(binary_name)
        env = dict(os.environ, RAYON_NUM_THREADS=str(threads))
        cmd = [binary, "extract", "--format", "jsonl", "--input-format", "jsonl", "--with-text", "-"]
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        sent = [0]
        feed_error = []

        def feed():
            try:
                for line in lines:
                    if not line.strip():
                        continue  # the binary skips blank lines too
                    proc.stdin.write(line.encode("utf-8", "surrogateescape") + b"\n")
                    sent[0] += 1
            except Exception as e:  # a dead child (broken pipe) or a failing input
                feed_error.append(e)
            finally:
                try:
                    proc.stdin.close()
                except OSError:
                    pass

        feeder = threading.Thread(target=feed, daemon=True)
        feeder.start()
        got = 0
        for out in proc.stdout:
            got += 1
            yield out.decode("utf-8").rstrip("\n")
        feeder.join()
        code = proc.wait()
        if code not in OK_EXIT_CODES or feed_error or got != sent[0]:
            raise RuntimeError(
                f"partition {index}: quotegraph exited with {code} after {got} records "
                f"for {sent[0]} documents{': ' + repr(feed_error[0]) if feed_error else ''}"
            )

    return run


def record_schema():
    from pyspark.sql.types import (ArrayType, DoubleType, LongType, StringType, StructField,
                                   StructType)

    def struct(*fields):
        return StructType([StructField(n, t) for n, t in fields])

    span = struct(("text", StringType()), ("start", LongType()), ("end", LongType()))
    quote = struct(
        ("kind", StringType()), ("text", StringType()), ("start", LongType()), ("end", LongType()),
        ("fragments", ArrayType(ArrayType(LongType()))),
        ("speaker", struct(("text", StringType()), ("start", LongType()), ("end", LongType()),
                           ("entity", StringType()))),
        ("cue", span), ("confidence", DoubleType()), ("rule", StringType()),
    )
    entity = struct(("name", StringType()), ("type", StringType()), ("mentions", ArrayType(span)))
    # The document's text is left out: the tables hold metadata and extraction only.
    document = struct(*[(c, StringType()) for c in DOC_COLUMNS if c != "text"])
    return struct(
        ("doc", StringType()), ("line", LongType()), ("error", StringType()),
        ("quotes", ArrayType(quote)), ("entities", ArrayType(entity)), ("document", document),
    )


def write_tables(spark, records_dir, out):
    """Parquet tables from the written records (read back, so extraction runs
    once); returns the number of error records."""
    from pyspark.sql import functions as F

    recs = spark.read.schema(record_schema()).json(records_dir)
    docs = recs.select(
        "doc", "error", "line",
        *[F.col("document." + c).alias(c) for c in DOC_COLUMNS if c not in ("id", "text")],
        F.size("quotes").alias("quotes"), F.size("entities").alias("entities"),
    )
    quotes = recs.select("doc", F.posexplode("quotes").alias("n", "q")).select(
        "doc", "n", "q.kind", "q.text", "q.start", "q.end",
        F.col("q.speaker.entity").alias("speaker"),
        F.col("q.speaker.text").alias("speaker_text"),
        F.col("q.speaker.start").alias("speaker_start"),
        F.col("q.speaker.end").alias("speaker_end"),
        F.col("q.cue.text").alias("cue"), "q.confidence", "q.rule",
    )
    entities = recs.select("doc", F.explode("entities").alias("e"))
    mentions = entities.select(
        "doc", F.col("e.name").alias("entity"), F.col("e.type").alias("type"),
        F.explode("e.mentions").alias("m"),
    ).select("doc", "entity", "type", "m.text", "m.start", "m.end")
    entities = entities.select("doc", "e.name", "e.type", F.size("e.mentions").alias("mentions"))
    for name, df in [("documents", docs), ("quotes", quotes), ("entities", entities), ("mentions", mentions)]:
        df.write.parquet(os.path.join(out, name))
    return spark.read.parquet(os.path.join(out, "documents")).where("error IS NOT NULL").count()


def main(argv):
    args = parse_args(argv)
    # Python workers run the interpreter that runs this script (a venv's pyspark).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("quotegraph-extract")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    sc = spark.sparkContext

    name = os.path.basename(args.binary)
    if os.path.isfile(args.binary):
        sc.addFile(os.path.abspath(args.binary))
    # Otherwise the binary was shipped with spark-submit --files.
    threads = int(sc.getConf().get("spark.task.cpus", "1"))

    docs = documents(spark, args.inputs, args.input_format, args.min_partitions)
    records_dir = os.path.join(args.output, "records")
    docs.mapPartitionsWithIndex(extract_partitions(name, threads)).saveAsTextFile(records_dir)
    print(f"quotegraph-extract: records in {records_dir}", file=sys.stderr)
    if not args.no_tables:
        errors = write_tables(spark, records_dir, args.output)
        print(f"quotegraph-extract: Parquet tables documents, quotes, entities, mentions in {args.output}; "
              f"{errors} records with an error", file=sys.stderr)
    # Run with python3, this process started the JVM: wait for it to exit, so
    # that its CPU time (and its workers') is accounted to this process.
    jvm = getattr(sc._gateway, "proc", None)
    spark.stop()
    if jvm is not None:
        jvm.stdin.close()
        jvm.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
