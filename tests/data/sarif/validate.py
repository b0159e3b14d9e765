#!/usr/bin/env python3
"""Validates a JSON file against a JSON Schema (here: the official SARIF 2.1.0 schema).

Usage: validate.py SCHEMA INSTANCE. Exit 0 when valid; 1 with every violation listed; 3 when the
jsonschema module is missing (scripts/setup.sh installs Debian's python3-jsonschema).
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("validate.py: the Python module 'jsonschema' is missing; run scripts/setup.sh "
          "(installs python3-jsonschema)", file=sys.stderr)
    sys.exit(3)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        instance = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    errors = sorted(cls(schema).iter_errors(instance), key=lambda e: list(e.absolute_path))
    for e in errors:
        path = "/".join(str(p) for p in e.absolute_path)
        print(f"{path}: {e.message}", file=sys.stderr)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
