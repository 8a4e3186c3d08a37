#!/usr/bin/env python3
"""public-api.py - the public functions of include/mitch.hpp, one a line.

Reads clang's JSON AST dump of a file that includes mitch.hpp (made with
-Xclang -ast-dump=json -Xclang -ast-dump-filter=mitch, which prints the
matching declarations one JSON object after another) and prints each
public function, member function and constructor of namespace mitch as
Class::name (nested classes joined with ::, template arguments dropped).
Left out: namespace mitch::detail, private and protected members, what the
compiler declares itself, and redeclarations (out-of-line definitions of
members declared in their class).  bindings/cpp/sweep-complete.sh compares
this list with what test_sweep exercises.
"""
import json
import sys

FUNCTIONS = {"FunctionDecl", "FunctionTemplateDecl", "CXXMethodDecl",
             "CXXConstructorDecl", "CXXConversionDecl"}


def objects(text):
    """The JSON objects of a filtered dump ("Dumping NAME:" lines between)."""
    decoder = json.JSONDecoder()
    i = 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return
        if text.startswith("Dumping ", i):
            i = text.index("\n", i) + 1
            continue
        obj, i = decoder.raw_decode(text, i)
        yield obj


def public_names(node, scope, out):
    kind = node.get("kind")
    if node.get("isImplicit"):
        return
    name = node.get("name", "")
    if kind == "NamespaceDecl":
        if name != "detail":
            for child in node.get("inner", []):
                public_names(child, scope, out)
    elif kind == "ClassTemplateDecl":
        for child in node.get("inner", []):
            if child.get("kind") == "CXXRecordDecl":
                public_names(child, scope, out)
    elif kind == "CXXRecordDecl":
        public = node.get("tagUsed") != "class"
        for child in node.get("inner", []):
            if child.get("kind") == "AccessSpecDecl":
                public = child.get("access") == "public"
            elif public:
                public_names(child, scope + [name], out)
    elif kind in FUNCTIONS and "previousDecl" not in node:
        # A constructor of a class template is named like the template.
        out.add("::".join(scope + [name.split("<")[0]]))


def main():
    text = open(sys.argv[1]).read() if len(sys.argv) > 1 else sys.stdin.read()
    names = set()
    for obj in objects(text):
        if obj.get("kind") == "NamespaceDecl" and obj.get("name") == "mitch":
            public_names(obj, [], names)
    if not names:
        sys.exit("public-api.py: no namespace mitch in the dump")
    for name in sorted(names):
        print(name)


if __name__ == "__main__":
    main()
