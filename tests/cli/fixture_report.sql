-- A workspace with known answers for report, export and render tests:
-- 100 responses in January 2026 at "compra" (NPS 10 x50, 8 x30, 3 x20),
-- 6 in February at "soporte" (10,10,10,9,0,7), 3 in February at "tienda" (10).
INSERT INTO touchpoint(name, position) VALUES('compra', 1), ('soporte', 2), ('tienda', 3);
INSERT INTO survey(code, created) VALUES('rel', 0);
INSERT INTO question(survey_id, code, position, type, scale_min, scale_max)
  VALUES(1, 'nps', 1, 'nps', 0, 10), (1, 'csat', 2, 'csat', 1, 5);
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM c WHERE i<100)
  INSERT INTO response(id, survey_id, touchpoint_id, ts, language, source_id)
  SELECT i, 1, 1, 1767225600 + i*3600, 'es', 'a'||i FROM c;
INSERT INTO answer(question_id, response_id, num)
  SELECT 1, id, CASE WHEN id<=50 THEN 10 WHEN id<=80 THEN 8 ELSE 3 END FROM response;
INSERT INTO response(id, survey_id, touchpoint_id, ts, language, source_id) VALUES
  (101, 1, 2, 1770000000, 'es', 'b1'), (102, 1, 2, 1770000000, 'es', 'b2'),
  (103, 1, 2, 1770000000, 'es', 'b3'), (104, 1, 2, 1770000000, 'es', 'b4'),
  (105, 1, 2, 1770000000, 'es', 'b5'), (106, 1, 2, 1770000000, 'es', 'b6'),
  (107, 1, 3, 1770000000, 'es', 'c1'), (108, 1, 3, 1770000000, 'es', 'c2'),
  (109, 1, 3, 1770000000, 'es', 'c3');
INSERT INTO answer(question_id, response_id, num) VALUES
  (1, 101, 10), (1, 102, 10), (1, 103, 10), (1, 104, 9), (1, 105, 0), (1, 106, 7),
  (1, 107, 10), (1, 108, 10), (1, 109, 10);
INSERT INTO answer(question_id, response_id, num) VALUES (2, 101, 5), (2, 102, 4), (2, 103, 2);
