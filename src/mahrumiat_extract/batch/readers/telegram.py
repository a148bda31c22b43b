"""Telegram Desktop channel exports: ``result.json`` (machine-readable JSON) and the HTML export
(``messages.html``, ``messages2.html`` ...). One article a message that has text; service
messages (channel created, pinned ...) and messages without text (a photo without caption)
are not articles and are passed over.

* id: ``telegram-<chat id>-<message id>`` (JSON; the HTML export has no chat id:
  ``<file name>#<message id>``), position: the message's place in the file (1, 2, ...);
* source: the channel's name; published: the message's date;
* text: a JSON message's ``text`` is a string or a list of strings and entity objects
  (``{"type": "bold", "text": ...}``, links ...), joined; HTML: the message's text block, line
  breaks kept, markup dropped.

A whole-account export (``{"chats": {"list": [...]}}``) gives the messages of every chat.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import IO, Any

from .base import Item, ReadOptions, _error, _read_capped, _str, clean_date

__all__ = [
    "TELEGRAM_PAGE",
    "is_telegram_export",
    "read_telegram",
    "telegram_export_items",
    "telegram_html_items",
]

#: the file names of Telegram's HTML export pages
TELEGRAM_PAGE = re.compile(r"messages\d*\.html?")
_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_LINES = re.compile(r"[ \t\r\f\v]*\n[ \t\r\f\v]*")


def _chats(doc: dict[str, Any]) -> list[dict[str, Any]]:
    if isinstance(doc.get("messages"), list):
        return [doc]
    chats = doc.get("chats")
    listed = chats.get("list") if isinstance(chats, dict) else None
    return [c for c in listed or () if isinstance(c, dict) and isinstance(c.get("messages"), list)]


def is_telegram_export(doc: Any) -> bool:
    """A parsed JSON document is a Telegram Desktop export (one chat or a whole account)."""
    return isinstance(doc, dict) and bool(_chats(doc))


def message_text(value: Any) -> str:
    """A message's ``text``: a string, or a list of strings and entity objects, joined."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = (p if isinstance(p, str) else p.get("text") for p in value)
        return "".join(p for p in parts if isinstance(p, str))
    return ""


def telegram_export_items(doc: dict[str, Any], name: str) -> Iterator[Item]:
    """The articles of a parsed ``result.json``."""
    position = 0
    for chat in _chats(doc):
        channel = _str(chat.get("name"))
        chat_id = _str(chat.get("id"))
        for message in chat["messages"]:
            position += 1
            if not isinstance(message, dict) or message.get("type", "message") != "message":
                continue
            text = message_text(message.get("text")).strip()
            if not text:
                continue
            number = _str(message.get("id")) or str(position)
            ident = f"telegram-{chat_id}-{number}" if chat_id else f"{name}#{number}"
            yield Item(input=name, position=position, id=ident, text=text, source=channel,
                       published=clean_date(message.get("date")))  # fmt: skip


class _Page(HTMLParser):
    """Collects the channel name and the messages of one HTML export page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.channel: str | None = None
        self.messages: list[dict[str, Any]] = []
        self._stack: list[str] = []  # what each open <div> is: "message", "text", "header" ...
        self._parts: list[str] | None = None
        self._header: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and self._parts is not None:
            self._parts.append("\n")
            return
        if tag != "div":
            return
        attr = dict(attrs)
        classes = set((attr.get("class") or "").split())
        role = ""
        if "message" in classes and "default" in classes:
            number = (attr.get("id") or "").removeprefix("message")
            self.messages.append({"id": number, "date": None, "text": None})
            role = "message"
        elif self.messages and "date" in classes and self._inside("message"):
            self.messages[-1]["date"] = attr.get("title")
        elif "text" in classes and self._inside("message") and self._parts is None:
            self._parts, role = [], "text"
        elif "text" in classes and "bold" in classes and self._inside("header"):
            self._header, role = [], "channel"
        elif "page_header" in classes:
            role = "header"
        self._stack.append(role)

    def _inside(self, role: str) -> bool:
        return role in self._stack

    def handle_endtag(self, tag: str) -> None:
        if tag != "div" or not self._stack:
            return
        role = self._stack.pop()
        if role == "text" and self._parts is not None:
            self.messages[-1]["text"] = "".join(self._parts)
            self._parts = None
        elif role == "channel" and self._header is not None:
            self.channel = self.channel or " ".join("".join(self._header).split()) or None
            self._header = None

    def handle_data(self, data: str) -> None:
        if self._parts is not None:  # a line break in the source is a space; <br> a newline
            self._parts.append(data.replace("\r", " ").replace("\n", " "))
        elif self._header is not None:
            self._header.append(data)


def _html_date(title: str | None) -> str | None:
    """``21.04.2023 10:45:00 UTC+03:30`` (the date's tooltip) -> ``2023-04-21``."""
    found = _DATE.search(title or "")
    if not found:
        return None
    day, month, year = found.groups()
    return clean_date(f"{year}-{int(month):02d}-{int(day):02d}")


def telegram_html_items(page: str, name: str) -> Iterator[Item] | None:
    """The articles of one page of the HTML export, or None when the page holds no Telegram
    message at all (an ordinary page that happens to be called messages.html)."""
    parser = _Page()
    parser.feed(page)
    parser.close()
    if not parser.messages:
        return None
    return _html_items(parser, name)


def _html_items(parser: _Page, name: str) -> Iterator[Item]:
    for position, message in enumerate(parser.messages, 1):
        text = _LINES.sub("\n", message["text"] or "").strip()
        if not text:
            continue
        number = message["id"] or str(position)
        yield Item(input=name, position=position, id=f"{name}#{number}", text=text,
                   source=parser.channel, published=_html_date(message["date"]))  # fmt: skip


def read_telegram(stream: IO[bytes], name: str, ident: str, opts: ReadOptions) -> Iterator[Item]:
    """A Telegram export file, JSON or HTML (told apart by its first byte)."""
    cap = opts.max_record_bytes * 16
    data = _read_capped(stream, cap)
    if data is None:
        yield _error(name, 0, "E605", f"export file over {cap} bytes")
        return
    if not data.strip():
        yield _error(name, 0, "E602")
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield _error(name, 0, "E606", f"byte {exc.start}")
        return
    if text.lstrip().startswith("{"):
        import json

        try:
            doc = json.loads(text)
        except json.JSONDecodeError as exc:
            yield _error(name, 0, "E607", f"invalid JSON: {exc.msg} (line {exc.lineno})")
            return
        if not is_telegram_export(doc):
            yield _error(name, 0, "E607", 'not a Telegram export (no "messages")')
            return
        yield from telegram_export_items(doc, name)
        return
    items = telegram_html_items(text, name)
    if items is None:  # no Telegram message: an ordinary page
        yield Item(input=name, position=0, id=ident, html=data)
        return
    found = False
    for item in items:
        found = True
        yield item
    if not found:
        yield _error(name, 0, "E608", "no Telegram message with text on this page")
