#!/usr/bin/env python3
"""Lists or fills unfinished entries of a Qt .ts file (translations/vantage_zh_CN.ts).

  ts-tool.py list FILE            print unfinished entries as JSON lines {context, source, comment}
  ts-tool.py fill FILE JSONL      set translations from JSON lines {context, source, comment?, translation}
"""
import json
import sys
import xml.etree.ElementTree as ET


def messages(root):
    for context in root.iter('context'):
        name = context.findtext('name')
        for message in context.iter('message'):
            yield name, message


def list_unfinished(path):
    root = ET.parse(path).getroot()
    for context, message in messages(root):
        translation = message.find('translation')
        if translation is not None and translation.get('type') == 'unfinished':
            print(json.dumps({'context': context, 'source': message.findtext('source'),
                              'comment': message.findtext('comment'),
                              'numerus': message.get('numerus') == 'yes'}, ensure_ascii=False))


def fill(path, jsonl):
    tree = ET.parse(path)
    wanted = {}
    for line in open(jsonl, encoding='utf-8'):
        if line.strip():
            entry = json.loads(line)
            wanted[(entry['context'], entry['source'], entry.get('comment'))] = entry['translation']
    filled = 0
    for context, message in messages(tree.getroot()):
        key = (context, message.findtext('source'), message.findtext('comment'))
        if key not in wanted:
            continue
        translation = message.find('translation')
        translation.attrib.pop('type', None)
        if message.get('numerus') == 'yes':
            for child in list(translation):
                translation.remove(child)
            form = ET.SubElement(translation, 'numerusform')
            form.text = wanted[key]
            translation.text = None
        else:
            translation.text = wanted[key]
        filled += 1
    tree.write(path, encoding='utf-8', xml_declaration=True)
    print(f'filled {filled} of {len(wanted)}', file=sys.stderr)


if __name__ == '__main__':
    if sys.argv[1] == 'list':
        list_unfinished(sys.argv[2])
    else:
        fill(sys.argv[2], sys.argv[3])
