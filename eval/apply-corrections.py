#!/usr/bin/env python3
"""Applies a hand-written corrections file to the draft annotation of one report.

The drafts (eval/annotations/*.json) started from gongwen's output; every record was then read
against the text, and what a reader sees differently is written in eval/corrections/<id>.txt,
one line each:

  m OFFSET field=value ...   correct a metric (value parsed as JSON when it parses, else a string)
  m+ OFFSET raw=... value=... unit=... [field=value ...]   a metric the tool missed
  m- OFFSET                  not a metric (a tool false alarm)
  s+ OFFSET TEXT [CANONICAL] a slogan occurrence the tool missed
  s- OFFSET                  not a slogan
  p kind=N ...               placeholder totals (number, year, name; total is recomputed)
  note TEXT                  a judgment call; the annotation's notes are these lines

Usage: eval/apply-corrections.py ID  (re-applying a file is harmless: every line sets, adds or removes).
"""
import json, shlex, sys

def parse_value(text):
    try:
        return json.loads(text)
    except ValueError:
        return text

def fields(tokens):
    out = {}
    for token in tokens:
        key, _, value = token.partition('=')
        out[key] = parse_value(value)
    return out

doc_id = sys.argv[1]
path = f'eval/annotations/{doc_id}.json'
doc = json.load(open(path, encoding='utf-8'))
metrics = {m['offset']: m for m in doc['metrics']['records']}
slogans = {s['offset']: s for s in doc['slogans']}
doc['notes'] = []  # the notes are the corrections file's, in its order
for line in open(f'eval/corrections/{doc_id}.txt', encoding='utf-8'):
    line = line.strip()
    if not line or line.startswith('#'):
        continue
    op, _, rest = line.partition(' ')
    if op == 'note':
        doc['notes'].append(rest)
        continue
    tokens = shlex.split(rest)
    if op == 'm':
        metrics[int(tokens[0])].update(fields(tokens[1:]))
    elif op == 'm+':
        record = {'offset': int(tokens[0]), 'raw': '', 'value': None, 'valueHigh': None, 'unit': '', 'qualifier': None,
                  'subject': None, 'stance': 'actual', 'indicator': None}
        record.update(fields(tokens[1:]))
        metrics[record['offset']] = record
    elif op == 'm-':
        metrics.pop(int(tokens[0]), None)
    elif op == 's+':
        offset = int(tokens[0])
        slogans[offset] = {'offset': offset, 'text': tokens[1], 'canonical': tokens[2] if len(tokens) > 2 else tokens[1]}
    elif op == 's-':
        slogans.pop(int(tokens[0]), None)
    elif op == 'p':
        doc['placeholders'].update(fields(tokens))
        p = doc['placeholders']
        p['total'] = p['number'] + p['year'] + p['name']
    else:
        raise SystemExit(f'unknown line: {line}')
doc['metrics']['records'] = sorted(metrics.values(), key=lambda m: m['offset'])
doc['slogans'] = sorted(slogans.values(), key=lambda s: s['offset'])
with open(path, 'w', encoding='utf-8') as out:
    out.write(json.dumps(doc, ensure_ascii=False, indent=1) + '\n')
