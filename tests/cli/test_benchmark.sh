# ecx benchmark on a tiny workspace written with the sqlite3 shell; every
# expected figure is worked out by hand here.
. "$(dirname "$0")/lib.sh"
W=$T/b.ecx
"$ECX" init "$W" --name "Telco Prueba" > /dev/null
sqlite3 -batch "$W" < "$(dirname "$0")/fixture_bench.sql"

# Ours: 5,5,4,4,3,3: n 6, mean 24/6 = 4, SS = 4*1 + 0 + ... = 1+1+0+0+1+1 = 4,
# s² = 4/5 = 0.8, se = sqrt(0.8/6) = 0.365148; t(0.975, 5) = 2.570582:
# CI 4 ± 0.938651 = [3.061349, 4.938651].
# Movitel: 2,3,2,1,2: n 5, mean 2, SS = 0+1+0+1+0 = 2, s² = 0.5, se =
# sqrt(0.5/5) = 0.316228; t(0.975, 4) = 2.776445: CI 2 ± 0.877992.
# Welch: diff 2, se = sqrt(0.8/6 + 0.5/5) = sqrt(0.233333) = 0.483046;
# df = 0.233333² / ((0.133333²/5) + (0.1²/4)) = 0.054444/(0.0035556 + 0.0025)
#    = 8.9908; t(0.975, 8.99) ≈ 2.2623 -> CI 2 ± 1.0928 = [0.907, 3.093]: significant.
out=$("$ECX" benchmark "$W" --format csv)
expect_match "csv header" "$out" "^dimension,brand,n,mean,ci_low,ci_high,diff,diff_low,diff_high,significant,suppressed$"
expect_match "our mean and t interval" "$out" "^rapidez,ours,6,4\.0000,3\.061[34][0-9]*,4\.938[67][0-9]*,,,,,0$"
expect_match "Movitel's mean and interval" "$out" "^rapidez,Movitel,5,2\.0000,1\.1220[0-9]*,2\.8780,"
expect_match "Welch difference, significant" "$out" "^rapidez,Movitel,5,2\.0000,[0-9.]+,[0-9.]+,2\.0000,0\.90[0-9]*,3\.09[0-9]*,1,0$"
expect_match "Claronet under min_n is suppressed" "$out" "^rapidez,Claronet,,,,,,,,,1$"
out=$("$ECX" benchmark "$W")
expect_match "table marks the significant difference" "$out" "Movitel +5 +2\.00 \[1\.12, 2\.88\] +\+2\.00 \[\+0\.91, \+3\.09\] \*"
"$ECX" config "$W" min_n 2 > /dev/null
out=$("$ECX" benchmark "$W" --format csv)
# Claronet 5,5: mean 5, sd 0: Welch against ours: diff -1, se = sqrt(0.8/6)
# = 0.365148, df = 5: CI -1 ± 0.938651 = [-1.938651, -0.061349]: significant.
expect_match "Claronet with min_n 2" "$out" "^rapidez,Claronet,2,5\.0000,5\.0000,5\.0000,-1\.0000,-1\.938[67][0-9]*,-0\.061[34][0-9]*,1,0$"
expect_fail "a bad format is refused" "$ECX" benchmark "$W" --format xml
# The same figures as JSON (min_n 2): Movitel's Welch interval [0.907, 3.093]
# from the hand computation above, Claronet's difference -1.
js=$("$ECX" benchmark "$W" --format json)
expect_eq "benchmark JSON parses" "$(printf '%s' "$js" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["dimensions"]))')" 1
expect_match "JSON: ours" "$js" '"ours":\{"brand":"ours","suppressed":false,"n":6,"mean":4,"ci_low":3\.061[34][0-9]*,"ci_high":4\.938[67]'
expect_match "JSON: Movitel's Welch interval, significant" "$js" '"brand":"Movitel","suppressed":false,"n":5,"mean":2,[^}]*"diff":\{"value":2,"ci_low":0\.90[0-9]*,"ci_high":3\.09[0-9]*,"significant":true\}'
expect_match "JSON: Claronet" "$js" '"brand":"Claronet",[^}]*"diff":\{"value":-1,"ci_low":-1\.938[67][0-9]*'
out=$("$ECX" promise "$W" recommend 2>&1)
expect_match "recommend explains a missing relevance" "$out" "relevance not available"
