"""The ``backtui`` command. Nothing here imports Textual except the bare
``backtui`` command that starts the TUI."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from practice.cli.output import visible_output
from practice.clock import Clock
from practice.errors import BacktuiError


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    """Run one command; whatever it prints, data included, reaches the
    terminal with its control characters escaped (practice.cli.output)."""
    with visible_output():
        return _run(argv, clock)


def _run(argv: Sequence[str] | None, clock: Clock | None) -> int:
    from practice.cli.context import Context
    from practice.cli.parser import parse

    try:
        args = parse(argv)
    except SystemExit as exc:  # --help or --version printed, or a usage error said
        return _flushed(exc.code if isinstance(exc.code, int) else 2)
    except BrokenPipeError:  # ``backtui --help | head -1``
        _drop_stdout()
        return 0
    except OSError as exc:
        return _stdout_failed(exc)
    context = None
    try:
        context = Context(args.data_dir, clock)
        code = args.run(args, context) or 0
        sys.stdout.flush()
        return code
    except BacktuiError as exc:
        print(f"backtui: {exc}", file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # The reader went away (``backtui export | head``): nothing left to say.
        _drop_stdout()
        return 0
    except OSError as exc:
        # Files and the store turn their OSErrors into BacktuiErrors where
        # they happen; what is left here is standard output.
        return _stdout_failed(exc)
    except KeyboardInterrupt:
        return 130
    finally:
        if context is not None:
            context.close()


def _flushed(code: int) -> int:
    """``code``, once what is buffered for standard output is written."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _drop_stdout()
        return code
    except OSError as exc:
        return _stdout_failed(exc)
    return code


def _stdout_failed(exc: OSError) -> int:
    _drop_stdout()
    print(f"backtui: could not write to standard output: {exc.strerror or exc}", file=sys.stderr)
    return 1


def _drop_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's
    last flush of what is still buffered does not fail again."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())
    os.close(null)
