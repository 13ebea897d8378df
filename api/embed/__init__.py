"""Self-hosted TimelineJS embeds: Knight Lab's assets from npm, installed and served locally.

``pins`` and ``fetch`` use the standard library only, so the image build can run
``python -m api.embed.fetch`` before the dependencies are installed.
"""
