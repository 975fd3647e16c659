"""The filters of :mod:`sidelines.filters` as command-line options: :func:`filter_options`
makes a Typer command take a filter's options (their names and help written once, in the
filter's fields) and hands the command one filter object:
``@filter_options(MeetingFilter) def meetings_cli(filters: MeetingFilter, limit: ...)``.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

__all__ = ["filter_options"]

Command = TypeVar("Command", bound=Callable[..., Any])


def _cli_fields(kind: type[Any]) -> list[dataclasses.Field[Any]]:
    return [f for f in dataclasses.fields(kind) if f.metadata.get("cli")]


def filter_options(kind: type[Any], parameter: str = "filters") -> Callable[[Command], Command]:
    """Give a Typer command the options of filter ``kind`` in place of its ``parameter``
    (which then receives the filter made of them), in the order of the filter's fields."""

    def wrap(command: Command) -> Command:
        signature = inspect.signature(command, eval_str=True)
        fields = _cli_fields(kind)
        options = [
            inspect.Parameter(
                f.name,
                inspect.Parameter.KEYWORD_ONLY,
                default=None,
                annotation=Annotated[
                    str | None, typer.Option(f.metadata["cli"], help=f.metadata["help"])
                ],
            )
            for f in fields
        ]
        parameters: list[inspect.Parameter] = []
        for p in signature.parameters.values():
            if p.name == parameter:
                parameters.extend(options)
            else:
                parameters.append(p.replace(kind=inspect.Parameter.KEYWORD_ONLY))

        @functools.wraps(command)
        def run(**values: Any) -> Any:
            chosen = {f.name: values.pop(f.name) for f in fields}
            return command(**values, **{parameter: kind(**chosen)})

        run.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in parameters}
        run.__annotations__["return"] = signature.return_annotation
        return run  # type: ignore[return-value]

    return wrap
