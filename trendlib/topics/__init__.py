"""Topics: what short informal Indonesian posts are about, how each topic moves and feels.

A hashtag or a single term is not a topic: most posts carry no hashtag and one
conversation travels under many. :class:`TopicModel` gives each post one topic (or ``-1``
when it fits none) from its normalised words and segmented hashtags, with readable labels;
the functions below turn topics into the tables the rest of trendlib already reads.

* ``TopicModel(n_topics="auto", ...)``: fit / partial_fit / transform / predict, save/load;
  ``merge_topics(posts, [[1, 4]])`` and ``reduce_topics(posts, n)`` merge topics;
  ``explain(text)`` gives each word's evidence for the post's topic.
* ``add_topics(posts, model)``: a ``topic`` column; ``trendlib.count(posts, key="topic")``.
* ``topics_over_time(posts, model, freq=, tz=)``: the long counts table of ``count()``.
* ``topic_sentiment(posts, model)``: sentiment shares and net sentiment per topic, intervals.
* ``topics_by_community(posts, membership, model)``: topic mix of each community.
* ``align_topics(model, reference)``: the topics of two fits (two days, two seeds) matched
  one to one: which continue, which are new, which are gone.
* ``coherence(model, texts)`` (NPMI) and ``diversity(model)``: quality of the topics;
  ``compare_n_topics(posts, candidates)``: stability across seeds, coherence, diversity.
* ``make_topic_corpus(...)``: generated posts with planted topics and the truth.
"""

from __future__ import annotations

from .._lazy import lazy_attributes

_LAZY = {
    "TopicModel": "._model",
    "add_topics": "._posts",
    "topics_over_time": "._posts",
    "topic_sentiment": "._posts",
    "topics_by_community": "._posts",
    "align_topics": "._align",
    "coherence": "._quality",
    "diversity": "._quality",
    "compare_n_topics": "._quality",
    "make_topic_corpus": "._synthetic",
}

__getattr__, __dir__, __all__ = lazy_attributes(__name__, _LAZY)
