"""The one paragraph model: what counts as a ¶ of an article, and the words it holds."""

from __future__ import annotations

from book.course.paragraphs import course_articles, read, same_words

PAGE = """# A chapter

## Before the article

Our introduction is not the article's.

## The article

```{article-meta} demo
```

It began in October, with the cry "{term}`nureed watan <nureed-watan>`," we want a homeland. \\
A second line -- after a break.

:::{margin} A note of ours
Margin notes are ours, not the article's.
:::

- a list is one paragraph,
- with {term}`two <x>` items

| a | table |
|---|---|
| is | ours |

### A sub-heading is no paragraph

The last one.

## After the article

Not counted.
"""


def test_paragraphs_lists_and_what_is_ours():
    [demo] = read(PAGE).values()
    assert [p.anchor for p in demo] == ["p1", "p2", "p3"]
    assert demo[0].text == "It began in October, with the cry “nureed watan,” we want a homeland. A second line – after a break."
    assert demo[1].text == "a list is one paragraph, with two items"
    assert demo[2].text == "The last one."


def test_the_build_may_curl_a_quote_otherwise_and_it_is_the_same_paragraph():
    assert same_words("cry—”nureed watan,” we", 'cry—"nureed watan," we')
    assert not same_words("cry—nureed watan, we", "cry—nureed watan; we")


def test_the_books_articles_are_read_once_with_every_paragraph():
    articles = course_articles()
    assert course_articles() is articles
    assert {a: len(x.paragraphs) for a, x in articles.items()} == {"tishreen": 87, "solidarity": 48, "peru": 24,
                                                                 "world-situation": 14}
    assert articles["tishreen"].get("p88") is None and articles["tishreen"].get("p87") is not None
