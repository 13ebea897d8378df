"""What a site publishes besides its pages: feeds, a sitemap and oEmbed answers.

Pure core (no FastAPI): the HTTP routes and the static export both call these.
"""
