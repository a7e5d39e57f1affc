# Helpers for the survey tests: build a survey through the builder pages.
# Source after lib.sh.

# build_survey JAR: create survey "cs1" with one question of every type;
# prints its id.
build_survey() {
  jar=$1
  t=$(csrf "$jar")
  curl -s -o /dev/null -D "$T/bs.head" -b "$jar" -c "$jar" "$URL/surveys" --data-urlencode "csrf=$t" \
    --data-urlencode code=cs1 --data-urlencode "title=Tienda 2025" --data-urlencode kind=transactional
  id=$(sed -n 's|^Location: /surveys/\([0-9]*\).*|\1|p' "$T/bs.head" | tr -d '\r')
  q() { curl -s -o /dev/null -b "$jar" "$URL/surveys/$id" --data-urlencode "csrf=$t" --data-urlencode action=add "$@"; }
  q --data-urlencode code=rec --data-urlencode type=nps --data-urlencode "text_es=¿Recomendaría?" \
    --data-urlencode "text_en=Would you recommend us?" --data-urlencode required=1
  q --data-urlencode code=sat --data-urlencode type=csat --data-urlencode "text_en=Satisfied?"
  q --data-urlencode code=eff --data-urlencode type=ces --data-urlencode "text_en=Easy?"
  q --data-urlencode code=speed --data-urlencode type=rating --data-urlencode scale=0-10 \
    --data-urlencode dimension=Rapidez --data-urlencode "text_en=Speed"
  q --data-urlencode code=why --data-urlencode type=choice --data-urlencode "text_en=Why?" \
    --data-urlencode "choices=1|Precio|Price
2|Calidad|Quality"
  q --data-urlencode code=extras --data-urlencode type=multi --data-urlencode "text_en=Extras" \
    --data-urlencode "choices=wifi|Wifi|Wifi
cafe|Café|Coffee"
  q --data-urlencode code=comment --data-urlencode type=text --data-urlencode "text_en=Comments"
  q --data-urlencode code=age --data-urlencode type=attribute --data-urlencode attribute=Edad --data-urlencode "text_en=Age band"
  echo "$id"
}

# open_survey JAR ID: set status open (touchpoint/channel none) and make a
# public link; prints the public token.
open_survey() {
  jar=$1; id=$2; t=$(csrf "$jar")
  curl -s -o /dev/null -b "$jar" "$URL/surveys/$id" --data-urlencode "csrf=$t" --data-urlencode action=meta \
    --data-urlencode "title=Tienda 2025" --data-urlencode kind=transactional --data-urlencode status=open \
    --data-urlencode "touchpoint=${3:-0}" --data-urlencode "channel=${4:-0}"
  curl -s -o /dev/null -b "$jar" "$URL/surveys/$id" --data-urlencode "csrf=$t" --data-urlencode action=token
  curl -s -b "$jar" "$URL/surveys/$id" | sed -n 's|.*id="public-link" href="/s/\([0-9a-f]*\)".*|\1|p'
}
