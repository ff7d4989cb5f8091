#!/usr/bin/env python3
"""The peer of `gongwen extract` in bench/run.mjs: what a researcher writes instead of it.

A script of the kind the issue describes: read a JSON Lines archive, cut each report into
words with jieba (default mode, HMM on, as gongwen cuts), and pull out headings, numbered
slogans, placeholders and percentages with a few regular expressions, into CSV files and a
JSON Lines file of word counts. It is no match for gongwen's output (no tree, no offsets
checked, no units or stances); it is the time a user would spend otherwise.

    python3 bench/peer.py ARCHIVE.jsonl OUTDIR

Needs jieba (Debian/Ubuntu: apt-get install python3-jieba). jieba caches its dictionary
model in the temporary folder on the first run: run it once before timing ("cache warm").
"""
import csv
import json
import os
import re
import sys

import jieba

HEADING = re.compile(r'^\s*((?:[一二三四五六七八九十]+、)|(?:（[一二三四五六七八九十]+）)|(?:\d+[.．、]))\s*(.{1,40})', re.M)
SLOGAN = re.compile(r'[一二三四五六七八九十两]个[\u4e00-\u9fff]{2,8}')
PLACEHOLDER = re.compile(r'[xXｘＸ]{2,}|某某|＊{2,}|\*{2,}')
METRIC = re.compile(r'(\d+(?:\.\d+)?)\s*(%|％|个百分点|万亿元|亿元|万元|万人|万吨|公里)')


def main(archive, out):
    os.makedirs(out, exist_ok=True)
    jieba.setLogLevel(60)
    jieba.initialize()
    files = {name: open(os.path.join(out, name), 'w', encoding='utf-8', newline='') for name in ('headings.csv', 'slogans.csv', 'placeholders.csv', 'metrics.csv')}
    writers = {name: csv.writer(handle) for name, handle in files.items()}
    writers['headings.csv'].writerow(['doc_id', 'marker', 'text'])
    writers['slogans.csv'].writerow(['doc_id', 'text', 'offset'])
    writers['placeholders.csv'].writerow(['doc_id', 'raw', 'offset'])
    writers['metrics.csv'].writerow(['doc_id', 'number', 'unit', 'offset'])
    with open(archive, encoding='utf-8') as lines, open(os.path.join(out, 'documents.jsonl'), 'w', encoding='utf-8') as documents:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            text = record.get('content') or record.get('text') or ''
            doc_id = f'{archive}#{number}'
            words = [word for paragraph in text.split('\n') for word in jieba.cut(paragraph) if word.strip()]
            for match in HEADING.finditer(text):
                writers['headings.csv'].writerow([doc_id, match.group(1), match.group(2)])
            for match in SLOGAN.finditer(text):
                writers['slogans.csv'].writerow([doc_id, match.group(0), match.start()])
            for match in PLACEHOLDER.finditer(text):
                writers['placeholders.csv'].writerow([doc_id, match.group(0), match.start()])
            for match in METRIC.finditer(text):
                writers['metrics.csv'].writerow([doc_id, match.group(1), match.group(2), match.start()])
            metadata = {key: value for key, value in record.items() if key not in ('content', 'text')}
            documents.write(json.dumps({'id': doc_id, 'metadata': metadata, 'words': len(words)}, ensure_ascii=False) + '\n')
    for handle in files.values():
        handle.close()


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
