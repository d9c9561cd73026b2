"""The ``backtui`` command. Nothing here imports Textual except the bare
``backtui`` command that starts the TUI."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from practice.clock import Clock
from practice.errors import BacktuiError


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    from practice.cli.commands import Context
    from practice.cli.parser import parse

    args = parse(argv)
    context = Context(args.data_dir, clock)
    try:
        return args.run(args, context) or 0
    except BacktuiError as exc:
        print(f"backtui: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    finally:
        context.flush_notices()
