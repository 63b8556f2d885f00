# Reference oracle for tests/chronic_diff.rs.
#
# Reads lines `now_epoch<TAB>locale<TAB>context<TAB>expression` on stdin and
# writes one line per input: `begin_epoch<TAB>end_epoch`, or `nil` when
# Chronic does not parse the expression, or `error` when it raises.
# The zone comes from the TZ environment variable of this process.
require 'chronic'

ENDIAN = { 'en' => [:middle, :little], 'fr' => [:little, :middle] }.freeze

STDIN.each_line do |line|
  now_s, locale, context, expr = line.chomp.split("\t", 4)
  begin
    now = Time.at(Integer(now_s))
    r = Chronic.parse(expr.to_s, now: now, guess: false, context: context.to_sym,
                                 endian_precedence: ENDIAN.fetch(locale))
    if r.nil?
      puts 'nil'
    else
      b = r.begin.getutc.to_i
      e = r.end.getutc.to_i
      puts "#{b}\t#{e}"
    end
  rescue StandardError, SystemStackError
    puts 'error'
  end
end
