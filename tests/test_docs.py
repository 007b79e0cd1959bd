"""The README is the manual: every CLI command and option is documented there, with help text."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.cli import build_parser

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _subcommands():
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action.choices, {a.dest: a.help for a in action._choices_actions}
    raise AssertionError("no subcommands")


def test_every_command_is_documented_with_help():
    commands, helps = _subcommands()
    for name in commands:
        assert f"python -m generator {name}" in README, f"README does not document `{name}`"
        assert helps.get(name), f"`{name}` has no help text"


def test_every_option_is_documented_with_help():
    commands, _ = _subcommands()
    for name, sub in commands.items():
        for action in sub._actions:
            for flag in action.option_strings:
                if flag in ("-h", "--help"):
                    continue
                assert flag in README, f"README does not mention `{name} {flag}`"
                assert action.help, f"`{name} {flag}` has no help text"


def test_readme_gives_the_two_commands():
    assert "make site" in README and "make test" in README
