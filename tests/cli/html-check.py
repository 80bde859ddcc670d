#!/usr/bin/env python3
"""html-check.py FILE...: each file is one well-formed HTML page.

Python's html.parser reads the page; on top of it this checks what a
browser would quietly repair: every element but the void ones is closed,
in the order it was opened; attribute values are quoted; character
references are ones HTML knows; there is one <html> holding one <head>
and one <body>; no text or tag comes after </html>. Exit 1, with
FILE:LINE: what is wrong, on the first problem in each file."""
import html.entities
import html.parser
import re
import sys

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Problem(Exception):
    pass


class Checker(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.stack = []
        self.seen = []
        self.closed_html = False

    def where(self):
        return self.getpos()[0]

    def fail(self, msg):
        raise Problem("%d: %s" % (self.where(), msg))

    def handle_starttag(self, tag, attrs):
        if self.closed_html:
            self.fail("<%s> after </html>" % tag)
        raw = self.get_starttag_text() or ""
        # name=value with the value unquoted
        bare = re.sub(r'"[^"]*"|\'[^\']*\'', '""', raw)
        if re.search(r'=\s*[^\s"\'>]', bare):
            self.fail("unquoted attribute value in %s" % raw)
        if tag in ("html", "head", "body") and tag in self.seen:
            self.fail("a second <%s>" % tag)
        if tag != "html" and not self.stack:
            self.fail("<%s> outside <html>" % tag)
        self.seen.append(tag)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag not in VOID:
            self.fail("<%s/> is not a void element" % tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            self.fail("</%s>: a void element has no end tag" % tag)
        if not self.stack:
            self.fail("</%s> with nothing open" % tag)
        top = self.stack.pop()
        if top != tag:
            self.fail("</%s> closes <%s>" % (tag, top))
        if tag == "html":
            self.closed_html = True

    def handle_data(self, data):
        if data.strip() and (self.closed_html or not self.stack):
            self.fail("text outside <html>: %r" % data.strip()[:40])
        if "<" in data or ">" in data:
            self.fail("a bare < or > in text: %r" % data.strip()[:40])

    def handle_entityref(self, name):
        if name not in html.entities.name2codepoint:
            self.fail("unknown entity &%s;" % name)

    def handle_charref(self, name):
        try:
            n = int(name[1:], 16) if name[:1] in "xX" else int(name)
        except ValueError:
            self.fail("bad character reference &#%s;" % name)
        if n == 0 or n > 0x10FFFF:
            self.fail("bad character reference &#%s;" % name)


def check(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if not text.lstrip().lower().startswith("<!doctype html>"):
        raise Problem("1: no <!DOCTYPE html>")
    c = Checker()
    c.feed(text)
    c.close()
    if c.stack:
        raise Problem("end: not closed: %s" % " ".join("<%s>" % t for t in c.stack))
    for t in ("html", "head", "body"):
        if t not in c.seen:
            raise Problem("end: no <%s>" % t)


def main(paths):
    bad = 0
    for p in paths:
        try:
            check(p)
        except (Problem, UnicodeDecodeError) as e:
            print("%s:%s" % (p, e))
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
