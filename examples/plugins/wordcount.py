#!/usr/bin/env python3
"""An external galley stage: adds `word_count` and `longest_word` to every record.

A plug-in is any program that reads JSONL on stdin and writes exactly one JSONL line per input
line, in the same order, with the same `id`. Keep every field you do not change, and flush after
each line: galley feeds a batch and waits for its answers before sending more.

    [[stage]]
    command = ["python3", "examples/plugins/wordcount.py"]
    processes = 2
"""
import json
import sys


def main() -> None:
    for line in sys.stdin:
        record = json.loads(line)
        words = record["text"].split()
        record["word_count"] = len(words)
        record["longest_word"] = max(words, key=len, default="")
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
