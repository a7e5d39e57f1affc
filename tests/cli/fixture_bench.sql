-- A tiny benchmark: dimension "rapidez" (1-5) rated for us by 6 responses
-- (5,5,4,4,3,3) and for competitor "Movitel" by 5 (2,3,2,1,2); "Claronet"
-- by 2 (5,5: under min_n 5).
INSERT INTO dimension(name) VALUES('rapidez');
INSERT INTO competitor(name) VALUES('Movitel'), ('Claronet');
INSERT INTO survey(code, kind, created) VALUES('bench', 'benchmark', 0);
INSERT INTO question(survey_id, code, position, type, scale_min, scale_max, dimension_id)
  VALUES(1, 'r_rapidez', 1, 'rating', 1, 5, 1);
INSERT INTO response(id, survey_id, ts, competitor_id, source_id) VALUES
  (1, 1, 1767225600, NULL, 'o1'), (2, 1, 1767225600, NULL, 'o2'), (3, 1, 1767225600, NULL, 'o3'),
  (4, 1, 1767225600, NULL, 'o4'), (5, 1, 1767225600, NULL, 'o5'), (6, 1, 1767225600, NULL, 'o6'),
  (7, 1, 1767225600, 1, 'm1'), (8, 1, 1767225600, 1, 'm2'), (9, 1, 1767225600, 1, 'm3'),
  (10, 1, 1767225600, 1, 'm4'), (11, 1, 1767225600, 1, 'm5'),
  (12, 1, 1767225600, 2, 'c1'), (13, 1, 1767225600, 2, 'c2');
INSERT INTO answer(question_id, response_id, num) VALUES
  (1, 1, 5), (1, 2, 5), (1, 3, 4), (1, 4, 4), (1, 5, 3), (1, 6, 3),
  (1, 7, 2), (1, 8, 3), (1, 9, 2), (1, 10, 1), (1, 11, 2),
  (1, 12, 5), (1, 13, 5);
