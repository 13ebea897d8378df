"""Contains all the data models used in inputs/outputs"""

from .changes import Changes
from .collection_info import CollectionInfo
from .collection_list import CollectionList
from .diagnostic_counts import DiagnosticCounts
from .diagnostic_item import DiagnosticItem
from .diagnostic_item_severity import DiagnosticItemSeverity
from .diagnostic_list import DiagnosticList
from .embed_warning import EmbedWarning
from .found import Found
from .get_oembed_embed_type_0 import GetOembedEmbedType0
from .get_oembed_format import GetOembedFormat
from .get_page_timeline_data_response_getpagetimelinedata import (
    GetPageTimelineDataResponseGetpagetimelinedata,
)
from .health import Health
from .json_feed import JsonFeed
from .json_feed_author import JsonFeedAuthor
from .json_feed_item import JsonFeedItem
from .list_meta import ListMeta
from .o_embed import OEmbed
from .page import Page
from .page_data import PageData
from .page_item import PageItem
from .page_item_data_type_0 import PageItemDataType0
from .page_item_referenced_by_type_0 import PageItemReferencedByType0
from .page_item_references_type_0 import PageItemReferencesType0
from .page_link import PageLink
from .page_list import PageList
from .page_ref import PageRef
from .page_referenced_by import PageReferencedBy
from .page_references import PageReferences
from .problem import Problem
from .ready import Ready
from .redirect_map import RedirectMap
from .search_hit import SearchHit
from .search_hit_referenced_by_type_0 import SearchHitReferencedByType0
from .search_hit_references_type_0 import SearchHitReferencesType0
from .search_results import SearchResults
from .source_kind import SourceKind
from .timeline_embed import TimelineEmbed
from .timeline_embed_version import TimelineEmbedVersion
from .timeline_item import TimelineItem
from .timeline_list import TimelineList
from .timeline_options import TimelineOptions
from .timeline_options_timenav_position import TimelineOptionsTimenavPosition
from .timeline_source import TimelineSource
from .toc_entry import TocEntry
from .translation import Translation
from .validation_error_item import ValidationErrorItem
from .warning_code import WarningCode
from .webhook_failure import WebhookFailure
from .webhook_report import WebhookReport

__all__ = (
    "Changes",
    "CollectionInfo",
    "CollectionList",
    "DiagnosticCounts",
    "DiagnosticItem",
    "DiagnosticItemSeverity",
    "DiagnosticList",
    "EmbedWarning",
    "Found",
    "GetOembedEmbedType0",
    "GetOembedFormat",
    "GetPageTimelineDataResponseGetpagetimelinedata",
    "Health",
    "JsonFeed",
    "JsonFeedAuthor",
    "JsonFeedItem",
    "ListMeta",
    "OEmbed",
    "Page",
    "PageData",
    "PageItem",
    "PageItemDataType0",
    "PageItemReferencedByType0",
    "PageItemReferencesType0",
    "PageLink",
    "PageList",
    "PageRef",
    "PageReferencedBy",
    "PageReferences",
    "Problem",
    "Ready",
    "RedirectMap",
    "SearchHit",
    "SearchHitReferencedByType0",
    "SearchHitReferencesType0",
    "SearchResults",
    "SourceKind",
    "TimelineEmbed",
    "TimelineEmbedVersion",
    "TimelineItem",
    "TimelineList",
    "TimelineOptions",
    "TimelineOptionsTimenavPosition",
    "TimelineSource",
    "TocEntry",
    "Translation",
    "ValidationErrorItem",
    "WarningCode",
    "WebhookFailure",
    "WebhookReport",
)
