# The Chronic oracle: what Chronic 0.10.5 (Debian's ruby-chronic) answers.
#
# Reads lines `now_epoch<TAB>locale<TAB>context<TAB>expression` on stdin and
# writes one line per input: `begin_epoch<TAB>end_epoch`, or `nil` when
# Chronic does not parse the expression, or `error` when it raises.
# The zone comes from the TZ environment variable of this process (one
# process per zone). `Time.now` is stubbed to each line's `now`, as the
# server's clock is `now` (Chronic reads it for two-digit years).
require 'chronic'

ENDIAN = { 'en' => [:middle, :little], 'fr' => [:little, :middle] }.freeze

class << Time
  alias_method :oracle_real_now, :now
  def now
    $oracle_now || oracle_real_now
  end
end

STDOUT.sync = true
STDIN.each_line do |line|
  now_s, locale, context, expr = line.chomp.split("\t", 4)
  begin
    now = Time.at(Integer(now_s))
    $oracle_now = Time.at(Integer(now_s))
    r = Chronic.parse(expr.to_s, now: now, guess: false, context: context.to_sym,
                                 endian_precedence: ENDIAN.fetch(locale))
    if r.nil?
      puts 'nil'
    else
      # getutc, not utc: Time#utc changes its receiver.
      puts "#{r.begin.getutc.to_i}\t#{r.end.getutc.to_i}"
    end
  rescue StandardError, SystemStackError
    puts 'error'
  end
end
