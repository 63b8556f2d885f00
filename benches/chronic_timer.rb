# Times Ruby's Chronic on the expressions of benches/dates.rs, for the
# side-by-side figure. Reads the expressions (one per line) until an empty
# line, then answers each request line `N` with the nanoseconds that N
# rounds over all of them took.
require 'chronic'

now = Time.utc(2026, 11, 24, 12, 34, 56)
exprs = []
while (line = STDIN.gets) && line.chomp != ''
  exprs << line.chomp
end
STDOUT.sync = true
STDIN.each_line do |line|
  n = Integer(line)
  t0 = Process.clock_gettime(Process::CLOCK_MONOTONIC, :nanosecond)
  n.times do
    exprs.each do |e|
      Chronic.parse(e, now: now, guess: false, context: :past, endian_precedence: [:middle, :little])
    end
  end
  puts Process.clock_gettime(Process::CLOCK_MONOTONIC, :nanosecond) - t0
end
