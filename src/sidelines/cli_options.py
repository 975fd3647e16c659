"""The filters of :mod:`sidelines.filters` as command-line options: :func:`filter_options`
makes a Typer command take a filter's options (their names and help written once, in the
filter's fields) and hands the command one filter object:
``@filter_options(MeetingFilter) def meetings_cli(filters: MeetingFilter, limit: ...)``.

A field whose API type is a choice (``Literal``: mode, scope, status) is a choice on the command
line too (any case; an unknown value is an error that lists the valid ones), with the field's
default, and its value is read as the API reads it (``--status any`` is no status filter).
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar, get_args, get_origin

import typer

__all__ = ["filter_options"]

Command = TypeVar("Command", bound=Callable[..., Any])


def _cli_fields(kind: type[Any], exclude: tuple[str, ...]) -> list[dataclasses.Field[Any]]:
    return [f for f in dataclasses.fields(kind) if f.metadata.get("cli") and f.name not in exclude]


def _choices(field: dataclasses.Field[Any]) -> tuple[str, ...] | None:
    """The values a choice field takes (its API type's), or None for free text."""
    typed = field.metadata.get("api_type")
    return get_args(typed) if get_origin(typed) is Literal else None


def _option(field: dataclasses.Field[Any]) -> inspect.Parameter:
    choices = _choices(field)
    option = typer.Option(
        field.metadata["cli"],
        help=field.metadata["help"],
        case_sensitive=False,
        show_default=field.default is not None,
    )
    typed: Any = Literal[choices] if choices else str
    return inspect.Parameter(
        field.name,
        inspect.Parameter.KEYWORD_ONLY,
        default=field.default,
        annotation=Annotated[typed | None, option],
    )


def _value(field: dataclasses.Field[Any], value: str | None) -> Any:
    """A choice read as the API reads it (``any`` status: None); other text as given."""
    parse = field.metadata.get("parse")
    if value is not None and parse is not None and _choices(field):
        return parse(value)
    return value


def filter_options(
    kind: type[Any], parameter: str = "filters", exclude: tuple[str, ...] = ()
) -> Callable[[Command], Command]:
    """Give a Typer command the options of filter ``kind`` (but those of the fields named in
    ``exclude``) in place of its ``parameter`` (which then receives the filter made of them),
    in the order of the filter's fields."""

    def wrap(command: Command) -> Command:
        signature = inspect.signature(command, eval_str=True)
        fields = _cli_fields(kind, exclude)
        options = [_option(f) for f in fields]
        parameters: list[inspect.Parameter] = []
        for p in signature.parameters.values():
            if p.name == parameter:
                parameters.extend(options)
            else:
                parameters.append(p.replace(kind=inspect.Parameter.KEYWORD_ONLY))

        @functools.wraps(command)
        def run(**values: Any) -> Any:
            chosen = {f.name: _value(f, values.pop(f.name)) for f in fields}
            return command(**values, **{parameter: kind(**chosen)})

        run.__signature__ = signature.replace(parameters=parameters)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in parameters}
        run.__annotations__["return"] = signature.return_annotation
        return run  # type: ignore[return-value]

    return wrap
