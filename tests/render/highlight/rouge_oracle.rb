# Reads JSON lines {"lang": ..., "code": ...} and writes JSON lines {"html": ...}: the code as
# Rouge's HTML formatter writes it (the token stream, no wrapper), found as kramdown and
# Jekyll's highlight tag find lexers (Rouge::Lexer.find_fancy). An unknown language writes
# {"html": null}. Used by make_golden.py to write the golden files; needs Debian's ruby-rouge.
require "json"
require "rouge"

formatter = Rouge::Formatters::HTML.new
$stdout.sync = true
$stdin.each_line do |line|
  request = JSON.parse(line)
  lexer = Rouge::Lexer.find_fancy(request["lang"], request["code"])
  html = lexer && formatter.format(lexer.lex(request["code"]))
  $stdout.puts JSON.generate({ "html" => html, "tag" => lexer && lexer.tag })
end
