#!/usr/bin/python3
"""make fuzz-mistakes: every small front-matter mistake an editor can make
in the example content, one at a time, through `zamen check`.

For every front-matter line of every content file it deletes the line, or
gives its field an empty value, a list, a group of fields, a number, an
impossible date, a string with markup and a control character, nesting
1000 deep, 30,000 letters or an alias. Then every body in turn is replaced
by one built to break zamen (100,000 nested quotes, list items, brackets,
stars, a word of 100,000 letters, 50,000 paragraphs), and every photo and
logo cut in half, to its header, emptied or replaced by text. Each
variant is checked by ZAMEN (build it with sanitizers:
SANITIZE=address,undefined) and must end with exit code 0 or 1 and no
report from a sanitizer or GLib. Too slow for `make test` (3,000 runs,
about ten minutes under ASan); run it after changing the check stage.

usage: mistakes.py ZAMEN SOURCE-FOLDER
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

BAD_WORDS = ('Sanitizer', 'runtime error', 'CRITICAL', 'WARNING **')


def variants(line):
    """(name, replacement) pairs for one line; None deletes it."""
    yield 'weg', None
    m = re.match(r'^(\s*)([A-Za-z_]+):', line)
    if not m:
        return
    head = f'{m.group(1)}{m.group(2)}:'
    yield 'leeg', f'{head}\n'
    yield 'lijst', f'{head} [a, b]\n'
    yield 'groep', f'{head} {{x: 1}}\n'
    yield 'getal', f'{head} 12345\n'
    yield 'datum', f'{head} 2026-02-30\n'
    yield 'tekens', f'{head} "\\u0001 <b> & ’"\n'
    yield 'diep', f'{head} {"[" * 1000}\n'
    yield 'lang', f'{head} {"a" * 30000}\n'
    yield 'alias', f'{head} *a\n'


# Bodies built to break zamen (tests/robust.sh has the same): nesting as
# deep as the text is long, a word no line can hold, endless paragraphs.
BODIES = (
    ('citaten', '>' * 100000 + ' diep'),
    ('lijsten', '- ' * 100000 + 'diep'),
    ('haken', '[' * 100000 + 'diep'),
    ('sterren', '*' * 100000 + 'diep'),
    ('woord', 'a' * 100000),
    ('alineas', 'woord\n\n' * 50000),
)


def photo_variants(data):
    """(name, bytes) pairs for a photo or logo: cut, emptied, lying."""
    yield 'half', data[:len(data) // 2]
    yield 'kop', data[:64]
    yield 'leeg', b''
    yield 'tekst', b'geen foto'


def front_matter(lines):
    """Indexes of the lines between the two '---' lines, or []."""
    if not lines or lines[0].strip() != '---':
        return []
    for end in range(1, len(lines)):
        if lines[end].strip() == '---':
            return range(1, end)
    return []


def main():
    zamen, source = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix='zamen-mistakes-')
    site = os.path.join(work, 'site')
    os.makedirs(site)
    shutil.copy(os.path.join(source, 'site.yaml'), site)
    shutil.copytree(os.path.join(source, 'content'),
                    os.path.join(site, 'content'))
    files = sorted(os.path.join(root, n)
                   for root, _, names in os.walk(os.path.join(site, 'content'))
                   for n in names if n.endswith('.md'))
    env = dict(os.environ, ASAN_OPTIONS='detect_leaks=0')
    runs = bad = 0

    def check(what):
        """Runs zamen check; reports and counts a bad ending."""
        nonlocal runs, bad
        runs += 1
        try:
            r = subprocess.run(
                [zamen, 'check', '--source', site, '--today', '2026-11-22'],
                capture_output=True, text=True, errors='replace', env=env,
                timeout=300)
        except subprocess.TimeoutExpired:
            bad += 1
            print(f'NIET GOED: {what}: hangt (meer dan 300 s)')
            return
        if r.returncode in (0, 1) and \
                not any(w in r.stderr for w in BAD_WORDS):
            return
        bad += 1
        print(f'NIET GOED: {what}: afsluitcode {r.returncode}')
        print('\n'.join(r.stderr.splitlines()[-12:]))

    for path in files:
        with open(path, encoding='utf-8') as f:
            original = f.read()
        rel = os.path.relpath(path, site)
        lines = original.splitlines(keepends=True)
        end = max(front_matter(lines), default=0) + 2
        for name, body in BODIES:
            with open(path, 'w', encoding='utf-8') as f:
                f.write(''.join(lines[:end]) + body + '\n')
            check(f'{rel} tekst ({name})')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(original)
    photos = sorted(os.path.join(root, n)
                    for root, _, names in os.walk(os.path.join(site, 'content'))
                    for n in names if n.endswith(('.jpg', '.png')))
    for path in photos:
        with open(path, 'rb') as f:
            original = f.read()
        for name, data in photo_variants(original):
            with open(path, 'wb') as f:
                f.write(data)
            check(f'{os.path.relpath(path, site)} ({name})')
        with open(path, 'wb') as f:
            f.write(original)
    for path in files:
        with open(path, encoding='utf-8') as f:
            original = f.read()
        lines = original.splitlines(keepends=True)
        for i in front_matter(lines):
            for name, new in variants(lines[i]):
                changed = lines[:i] + ([new] if new else []) + lines[i + 1:]
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(''.join(changed))
                check(f'{os.path.relpath(path, site)} regel {i + 1} '
                      f'({name})')
        with open(path, 'w', encoding='utf-8') as f:
            f.write(original)
    shutil.rmtree(work)
    print(f'{runs} varianten gecontroleerd, {bad} niet goed')
    sys.exit(1 if bad else 0)


main()
