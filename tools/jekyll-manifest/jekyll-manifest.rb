#!/usr/bin/env ruby
# frozen_string_literal: true

# What Jekyll makes of a site, one JSON row per document (see README.md beside this file).
#
# The site is copied to a scratch folder, its layouts are replaced by bare `{{ content }}`
# ones (so a theme's includes are never needed), and Jekyll builds it with its own
# `_config.yml`, `--unpublished --future`, and the plugins asked for. Each row is what
# Jekyll holds for one page or collection document: its URL, slug, date, data (front matter
# after defaults) and the body converted to HTML, before any layout.
#
# Run here, never in CI: CI compares against the JSON this writes.

require "date"
require "fileutils"
require "json"
require "optparse"
require "pathname"
require "set"
require "tmpdir"
require "yaml"

ENV["JEKYLL_NO_BUNDLER_REQUIRE"] = "true" # the site's Gemfile names gems that are not here

# What GitHub Pages adds to every site (github/pages-gem, lib/github-pages/plugins.rb).
GITHUB_PAGES_PLUGINS = %w(
  jekyll-coffeescript jekyll-commonmark-ghpages jekyll-gist jekyll-github-metadata
  jekyll-paginate jekyll-relative-links jekyll-optional-front-matter jekyll-readme-index
  jekyll-default-layout jekyll-titles-from-headings
).freeze
# GitHub Pages' user-overridable defaults, then what it forces (lib/github-pages/configuration.rb).
GITHUB_PAGES_DEFAULTS = {
  "future" => true,
  "theme" => "jekyll-theme-primer",
  "markdown" => "kramdown",
  "kramdown" => {
    "input" => "GFM", "hard_wrap" => false, "gfm_quirks" => "paragraph_end",
    "syntax_highlighter_opts" => { "default_lang" => "plaintext" },
  },
}.freeze
GITHUB_PAGES_OVERRIDES = {
  "lsi" => false,
  "highlighter" => "rouge",
  "kramdown" => { "template" => "", "math_engine" => "mathjax", "syntax_highlighter" => "rouge" },
}.freeze
# The Liquid tags of plugins that may be missing here: a build stops at an unknown tag, so
# when the plugin is not installed its tags write nothing (and the pages using them differ).
PLUGIN_TAGS = {
  "jekyll-avatar" => %w(avatar), "jekyll-seo-tag" => %w(seo), "jekyll-feed" => %w(feed_meta),
  "jekyll-gist" => %w(gist), "jekyll-github-metadata" => [],
}.freeze
SKIPPED_IN_COPY = %w(.git _site .jekyll-cache .sass-cache node_modules).freeze

options = { plugins: [], layouts: [], github_pages: false, safe: false, drafts: false,
            gemfile: true, output: nil }
OptionParser.new do |opts|
  opts.banner = "usage: jekyll-manifest.rb SITE_DIR [options]"
  opts.on("-o", "--output FILE", "Write the JSON here (default: stdout)") { |v| options[:output] = v }
  opts.on("--plugins A,B", Array, "Turn these plugins on too") { |v| options[:plugins] += v }
  opts.on("--github-pages", "Build as GitHub Pages does (its default plugins and config)") do
    options[:github_pages] = true
  end
  opts.on("--layouts A,B", Array, "Bare layouts that exist beside the site's (a theme's)") do |v|
    options[:layouts] += v
  end
  opts.on("--safe", "Ignore the site's own _plugins/ (as GitHub Pages does)") { options[:safe] = true }
  opts.on("--drafts", "Read _drafts/ too") { options[:drafts] = true }
  opts.on("--no-gemfile", "Ignore the Gemfile's jekyll_plugins group") { options[:gemfile] = false }
end.parse!
abort("usage: jekyll-manifest.rb SITE_DIR [options]") if ARGV.length != 1
SITE = File.expand_path(ARGV[0])
abort("#{SITE} is not a folder") unless File.directory?(SITE)

require "jekyll"

# Jekyll 4.3 looks for a `{% link %}` target through every file, remembering the ones seen
# in an Array: each link costs the square of the site's size (hours on a site of 5,000
# documents). The same walk, remembering them in a Set of the same objects.
module QuickSiteFiles
  def each_site_file
    seen = Set.new.compare_by_identity
    %w(pages static_files_to_write docs_to_write).each do |type|
      send(type).each do |item|
        next unless seen.add?(item)

        yield item
      end
    end
  end
end
Jekyll::Site.prepend(QuickSiteFiles)

def deep_merge(base, overlay)
  base.merge(overlay) { |_, old, new| old.is_a?(Hash) && new.is_a?(Hash) ? deep_merge(old, new) : new }
end

# Gems of the Gemfile's jekyll_plugins group (Jekyll requires that group through Bundler).
# Read line by line, not evaluated: the site's Gemfile may name files and gems not here.
def gemfile_gems(site)
  path = File.join(site, "Gemfile")
  return [] unless File.file?(path)

  blocks = []
  File.readlines(path).filter_map do |line|
    code = line.sub(/#.*/, "")
    if (opened = code.match(/^\s*(\w+)\b(.*?)\bdo\s*(\|[^|]*\|)?\s*$/))
      blocks << (opened[1] == "group" && opened[2].match?(/:jekyll_plugins\b|["']jekyll_plugins["']/))
      next
    end
    if (gem = code.match(/^\s*gem\s*\(?\s*["']([\w.-]+)["'](.*)$/))
      inline = gem[2].match?(/groups?\s*(?::|=>)[^#]*jekyll_plugins/)
      next [gem[1], inline || blocks.any?]
    end
    blocks.pop if !blocks.empty? && code.match?(/^\s*end\b/)
    nil
  end
end

def gemfile_plugins(site)
  gemfile_gems(site).select { |_, plugin| plugin }.map(&:first)
end

def requirable?(name)
  require name
  true
rescue LoadError
  false
end

def copy_site(from, to)
  Dir.children(from).each do |entry|
    next if SKIPPED_IN_COPY.include?(entry)

    path = File.join(from, entry)
    next if File.symlink?(path) && !File.exist?(path) # a broken link, or one out of the site

    FileUtils.cp_r(path, to, preserve: true)
  end
end

def bare_layouts(dir, names)
  FileUtils.mkdir_p(dir)
  existing = Dir.glob(File.join(dir, "**", "*")).select { |f| File.file?(f) }
  existing.each { |f| File.write(f, "{{ content }}") }
  names.each do |name|
    next if existing.any? { |f| File.basename(f, ".*") == name }

    File.write(File.join(dir, "#{name}.html"), "{{ content }}")
  end
end

# JSON for a front-matter value, as the content API writes them: times in ISO 8601 with
# their offset, dates as dates; Jekyll's own objects are left out.
def plain(value)
  case value
  when Hash then value.each_with_object({}) { |(k, v), out| out[k.to_s] = plain(v) unless skip?(v) }
  when Array then value.reject { |v| skip?(v) }.map { |v| plain(v) }
  when Time then value.iso8601
  when DateTime then value.to_time.iso8601
  when Date then value.iso8601
  when Symbol then value.to_s
  else value
  end
end

def skip?(value)
  !(value.nil? || value.is_a?(String) || value.is_a?(Numeric) || value == true || value == false ||
    value.is_a?(Hash) || value.is_a?(Array) || value.is_a?(Time) || value.is_a?(Date) ||
    value.is_a?(Symbol))
end

# Symbols written as `permalink: :title` are text, as the content API reads them (the
# Psych of Debian's Ruby refuses symbols in Jekyll's own safe load).
def unsymbol(value)
  case value
  when Hash then value.to_h { |k, v| [unsymbol(k), unsymbol(v)] }
  when Array then value.map { |v| unsymbol(v) }
  when Symbol then ":#{value}"
  else value
  end
end

config_path = File.join(SITE, "_config.yml")
user_config = if File.file?(config_path)
                loaded = YAML.safe_load(File.read(config_path),
                                        permitted_classes: [Date, Time, Symbol], aliases: true)
                loaded.is_a?(Hash) ? unsymbol(loaded) : {}
              else
                {}
              end
asked = Array(user_config["plugins"]) + Array(user_config["gems"]) + options[:plugins]
asked += gemfile_plugins(SITE) if options[:gemfile]
github_pages = options[:github_pages] || gemfile_gems(SITE).any? { |name, _| name == "github-pages" }
asked += GITHUB_PAGES_PLUGINS if github_pages
asked = asked.map(&:to_s).uniq
plugins = asked.select { |name| requirable?(name) }
missing = asked - plugins
warn "jekyll-manifest: not installed, left out: #{missing.join(", ")}" unless missing.empty?

# A tag that writes nothing, standing in for a missing plugin's.
class BlankTag < Liquid::Tag
  def render(_context) = ""
end
blanked = missing.flat_map { |name| PLUGIN_TAGS.fetch(name, []) }
blanked.each { |tag| Liquid::Template.register_tag(tag, BlankTag) }
warn "jekyll-manifest: these tags write nothing: #{blanked.join(", ")}" unless blanked.empty?

overrides = { "plugins" => plugins, "gems" => nil, "theme" => nil, "remote_theme" => nil }
layouts = options[:layouts].dup
if github_pages
  effective = deep_merge(deep_merge(GITHUB_PAGES_DEFAULTS, user_config), GITHUB_PAGES_OVERRIDES)
  overrides = deep_merge(effective.slice("kramdown", "markdown", "highlighter", "lsi"), overrides)
  layouts << "default" if !user_config.key?("theme") && !user_config.key?("remote_theme")
end

rows = []
Dir.mktmpdir("jekyll-manifest") do |scratch|
  source = File.join(scratch, "site")
  FileUtils.mkdir_p(source)
  copy_site(SITE, source)
  layouts_dir = File.expand_path(user_config["layouts_dir"] || "_layouts", source)
  bare_layouts(layouts_dir, layouts)
  config_file = File.join(scratch, "config.yml")
  File.write(config_file, deep_merge(user_config, overrides).to_yaml)

  html = {}
  Jekyll::Hooks.register [:pages, :documents], :post_convert do |doc|
    html[doc.object_id] = doc.content.to_s.dup
  end
  config = Jekyll.configuration(
    "source" => source, "destination" => File.join(scratch, "_site"), "config" => [config_file],
    "unpublished" => true, "future" => true, "show_drafts" => options[:drafts],
    "safe" => options[:safe], "quiet" => true, "incremental" => false
  )
  site = Jekyll::Site.new(config)
  # Everything `jekyll build` does but cleaning and writing the output: what a document
  # becomes is known once it is rendered, and a site's post_write hooks (search indexes,
  # deploy steps) never run.
  site.reset
  site.read
  site.generate
  # Site#render, for the documents and the markdown and HTML pages only: a stylesheet or a
  # feed is no document, and a theme's assets are not here to be built.
  written = site.config["markdown_ext"].split(",").map { |e| ".#{e.strip}" } + %w(.html .htm)
  payload = site.site_payload
  Jekyll::Hooks.trigger :site, :pre_render, site, payload
  site.collections.each_value do |collection|
    collection.docs.each { |doc| site.send(:render_regenerated, doc, payload) }
  end
  site.pages.each do |page|
    next unless written.include?(File.extname(page.name).downcase)
    next unless File.file?(File.join(source, page.relative_path)) # a plugin's page: no row

    site.send(:render_regenerated, page, payload)
  end
  Jekyll::Hooks.trigger :site, :post_render, site, payload

  root = Pathname.new(source)
  relative = ->(path) { Pathname.new(path).relative_path_from(root).to_s }

  site.collections.each_value do |collection|
    collection.docs.each do |doc|
      data = plain(doc.data)
      data.delete("excerpt") unless doc.data["excerpt"].is_a?(String)
      rows << {
        "relative_path" => relative.call(doc.path), "collection" => collection.label,
        "url" => doc.url, "slug" => doc.data["slug"]&.to_s,
        "date" => doc.data["date"] ? plain(doc.data["date"]) : nil,
        "data" => data, "html" => html[doc.object_id],
      }
    end
  end
  site.pages.each do |page|
    next unless File.file?(File.join(source, page.relative_path))
    next unless written.include?(File.extname(page.name).downcase)

    defaults = site.frontmatter_defaults.all(page.relative_path, page.type)
    data = plain(deep_merge(defaults, page.data))
    rows << {
      "relative_path" => page.relative_path, "collection" => nil, "url" => page.url,
      "slug" => nil, "date" => page.data["date"] ? plain(page.data["date"]) : nil,
      "data" => data, "html" => html[page.object_id],
    }
  end
end

rows.sort_by! { |row| [row["relative_path"], row["url"]] }
text = JSON.pretty_generate(rows) + "\n"
options[:output] ? File.write(options[:output], text) : $stdout.write(text)
warn "jekyll-manifest: #{rows.length} documents (plugins: #{plugins.empty? ? "none" : plugins.join(", ")})"
