#!/bin/bash
# usage: startup.sh JAR -> wall ms to first health and first metrics answer, and the server's CPU ms at that point
jar=$1
d=$(mktemp -d); port=$((20000 + RANDOM % 20000))
t0=$(date +%s%N)
java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $jar serve --port $port --data $d/data --no-access-log > $d/out 2>&1 &
pid=$!
until curl -fs -o /dev/null http://127.0.0.1:$port/_belfry/health; do sleep 0.01; done
t1=$(date +%s%N)
until curl -fs -o /dev/null http://127.0.0.1:$port/_belfry/metrics; do sleep 0.01; done
t2=$(date +%s%N)
tck=$(getconf CLK_TCK)
cpu=$(awk -v t=$tck '{print int(($14+$15)*1000/t)}' /proc/$pid/stat)
sleep 1
cpu1=$(awk -v t=$tck '{print int(($14+$15)*1000/t)}' /proc/$pid/stat)
kill $pid; wait $pid 2>/dev/null
echo "health_ms=$(( (t1-t0)/1000000 )) metrics_ms=$(( (t2-t0)/1000000 )) cpu_ms_at_metrics=$cpu cpu_ms_1s_later=$cpu1"
rm -rf $d
