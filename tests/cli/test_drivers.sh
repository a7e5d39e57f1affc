# ecx drivers on a workspace written through the sqlite3 shell, with a
# balanced design so that every figure is worked out by hand here.
. "$(dirname "$0")/lib.sh"

W=$T/d.ecx
"$ECX" init "$W" --name "Telco Prueba" >/dev/null
# Responses 1..16: with k = (id-1) % 8, sa, sb, se = ±1 from bits 0, 1, 2 of
# k (every combination twice). Dimension a = 3 + 2·sa, b = 3 + 2·sb (1 or 5),
# NPS = 5 + 2·sa + sb + se. sa, sb, se are uncorrelated with equal variance,
# so var(NPS) ∝ 4 + 1 + 1 = 6: r_a = 2/√6 = 0.816497, r_b = 1/√6 = 0.408248,
# r_ab = 0, R² = (4 + 1)/6 = 0.833333. With uncorrelated predictors both the
# relative weights and the Shapley shares are r²: a 0.666667 (80% of R²),
# b 0.166667 (20%). Means: a 3, b 3. Dimension c is answered by responses
# 1..8 only; response 17 is a benchmark rating of a competitor (excluded).
sqlite3 -batch "$W" "
INSERT INTO touchpoint(name, position) VALUES('compra', 1), ('soporte', 2);
INSERT INTO competitor(name) VALUES('Movitel');
INSERT INTO dimension(name) VALUES('a'), ('b'), ('c');
INSERT INTO survey(code, created) VALUES('rel', 0);
INSERT INTO question(survey_id, code, position, type, scale_min, scale_max, dimension_id) VALUES
  (1, 'nps', 1, 'nps', 0, 10, NULL), (1, 'qa', 2, 'rating', 1, 5, 1),
  (1, 'qb', 3, 'rating', 1, 5, 2), (1, 'qc', 4, 'rating', 1, 5, 3);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i<16)
  INSERT INTO response(id, survey_id, touchpoint_id, ts, language, source_id)
  SELECT i, 1, CASE WHEN i<=8 THEN 1 ELSE 2 END, 1767225600 + i*86400, 'es', 's'||i FROM c;
INSERT INTO response(id, survey_id, touchpoint_id, ts, language, competitor_id, source_id)
  VALUES(17, 1, 1, 1767225600, 'es', 1, 'bench');
CREATE TEMP VIEW s AS SELECT id,
  (((id-1)%8)&1)*2-1 AS sa, ((((id-1)%8)>>1)&1)*2-1 AS sb, ((((id-1)%8)>>2)&1)*2-1 AS se
  FROM response WHERE id<=16;
INSERT INTO answer(question_id, response_id, num) SELECT 1, id, 5+2*sa+sb+se FROM s;
INSERT INTO answer(question_id, response_id, num) SELECT 2, id, 3+2*sa FROM s;
INSERT INTO answer(question_id, response_id, num) SELECT 3, id, 3+2*sb FROM s;
INSERT INTO answer(question_id, response_id, num) SELECT 4, id, 1+id%5 FROM s WHERE id<=8;
INSERT INTO answer(question_id, response_id, num) VALUES (1, 17, 0), (2, 17, 5), (3, 17, 5);
"

out=$("$ECX" drivers "$W" --predictors a,b --bootstrap 0 --format csv)
expect_match "csv header" "$out" "^outcome,deletion,n_used,r2,r2_low,r2_high,rank,predictor,n,mean,r,rw,"
expect_match "a first: r .8165, 80% of R² .8333" "$out" \
  "^nps,listwise,16,0\.833333,,,1,a,16,3\.000000,0\.816497,0\.666667,,,80\.000000,,,0\.666667,,,80\.000000,,$"
expect_match "b second: 20%" "$out" \
  "^nps,listwise,16,0\.833333,,,2,b,16,3\.000000,0\.408248,0\.166667,,,20\.000000,,,0\.166667,,,20\.000000,,$"

# Every dimension by default: c leaves 8 complete responses, under 3 + 10.
expect_fail "default predictors a,b,c: n 8 too small" "$ECX" drivers "$W" --bootstrap 0
out=$("$ECX" drivers "$W" --bootstrap 0 2>&1 || true)
expect_match "the message says how many are needed" "$out" "only 8 responses .* at least 13"
out=$("$ECX" drivers "$W" --predictors a,b --where touchpoint=compra --bootstrap 0 2>&1 || true)
expect_match "a filter to 8 responses is too small" "$out" "only 8 responses"
sqlite3 -batch "$W" "INSERT INTO segment(name, filter) VALUES('Soporte', 'touchpoint=soporte')"
out=$("$ECX" drivers "$W" --predictors a,b --segment Soporte --bootstrap 0 2>&1 || true)
expect_match "a segment of 8 responses is too small" "$out" "only 8 responses"
expect_fail "unknown segment" "$ECX" drivers "$W" --predictors a,b --segment Nadie
expect_fail "unknown predictor" "$ECX" drivers "$W" --predictors a,zzz
expect_fail "outcome as predictor" "$ECX" drivers "$W" --predictors a,nps
expect_fail "bad --bootstrap" "$ECX" drivers "$W" --bootstrap x

# Bootstrap: same seed, same output; the table names the replicates.
o1=$("$ECX" drivers "$W" --predictors a,b --bootstrap 100 --seed 5 --format csv)
o2=$("$ECX" drivers "$W" --predictors a,b --bootstrap 100 --seed 5 --format csv)
expect_eq "bootstrap is deterministic" "$o1" "$o2"
expect_match "intervals present" "$o1" "^nps,listwise,16,0\.833333,0\.[0-9]+,[01]\.[0-9]+,1,a,"
out=$("$ECX" drivers "$W" --predictors a,b --bootstrap 100 --seed 5)
expect_match "table heading" "$out" "responses used: 16 +R² = 0\.833 \["
expect_match "table row for a" "$out" "^ *1 +a +16 +3\.00 +0\.816 +80\.0 +\[[0-9.]+, [0-9.]+\] +80\.0 "
expect_match "bootstrap line" "$out" "bootstrap: 100 replicates \(100 usable\), seed 5"

# Pairwise deletion: a, b and c with all pairs; the a-c and b-c pairs have 8
# responses, under 13.
expect_fail "pairwise still needs 13 per pair" "$ECX" drivers "$W" --pairwise --bootstrap 0
out=$("$ECX" drivers "$W" --predictors a,b --pairwise --bootstrap 0 --format json)
expect_match "json names the deletion" "$out" "\"deletion\":\"pairwise\""
expect_match "json R²" "$out" "\"r2\":0\.833333"
if command -v python3 >/dev/null; then
  expect "json parses" python3 -c "import json,sys; d=json.loads(sys.argv[1]); assert d['predictors'][0]['name']=='a'" "$out"
fi
