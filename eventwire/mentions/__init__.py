"""Mention finders: actors, places, dates, numbers and quotes found in an article's text.

Each module takes the article text plus spaCy's entities (as ``eventwire.records.Mention``)
and any loaded resources it needs (passed in explicitly), and returns resolved records.
"""
