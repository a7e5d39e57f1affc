/*
** The definitions page (/definitions), for admins and analysts: the
** segments, touchpoints (with their position on the journey, channel and
** responsible areas), dimensions, areas and competitors, each listed with
** a link to edit it (rename included) and one to add a new one.
**
**   GET  /definitions                        every kind, listed
**   GET  /definitions?kind=KIND&name=NAME    ... with the form of one item
**   GET  /definitions?kind=KIND&new=1        ... with the form of a new one
**   POST /definitions   kind, item (the current name; absent for a new
**                       item), name, description, filter, position,
**                       channel, area (one per responsible area)
**
** A change goes through api_catalog_store(), as the API's PUT does: the
** same checks, the same transaction and audit row. A refused form is shown
** again as typed, with the message naming the field, and stores nothing.
*/
#include <stdio.h>
#include <string.h>

#include "pages.h"
#include "../base/err.h"
#include "../base/i18n.h"
#include "../base/util.h"
#include "../http/api_catalog.h"

static const char *const azTitle[CAT_NKIND] = {
  N_("Segments"), N_("Touchpoints"), N_("Dimensions"), N_("Areas"), N_("Competitors")};
static const char *const azAdd[CAT_NKIND] = {
  N_("Add a segment"), N_("Add a touchpoint"), N_("Add a dimension"), N_("Add an area"),
  N_("Add a competitor")};
static const char *const azEdit[CAT_NKIND] = {
  N_("Edit the segment"), N_("Edit the touchpoint"), N_("Edit the dimension"),
  N_("Edit the area"), N_("Edit the competitor")};

/* Field ids (as cat_put and the API name them) and their labels. */
static const struct { const char *zId, *zLabel; } aField[] = {
  {"name", N_("Name")}, {"description", N_("Description")}, {"filter", N_("Filter")},
  {"position", N_("Position on the journey")}, {"channel", N_("Channel")},
  {"areas", N_("Responsible areas")},
};

static const char *field_label(const char *zId){
  for(size_t i = 0; zId && i < sizeof aField / sizeof aField[0]; i++){
    if( strcmp(zId, aField[i].zId)==0 ) return _(aField[i].zLabel);
  }
  return 0;
}

/* The item a form shows or sent: its values, as typed. */
typedef struct DefForm {
  CatKind k;
  const char *zItem;        /* its current name; NULL for a new item */
  CatPut put;
  const char *zPosition;    /* the position as typed ("" for the default) */
  const char *zBad;         /* the field an error named, or NULL */
} DefForm;

/* The kind named by a parameter, or -1. */
static int param_kind(HttpReq *p){
  const char *z = http_param(p, "kind");
  return z ? cat_kind_from_plural(z) : -1;
}

static void attr_invalid(Buf *b, const DefForm *f, const char *zId){
  if( f->zBad && strcmp(f->zBad, zId)==0 ) buf_puts(b, " aria-invalid=\"true\"");
}

/* One checkbox per area, ticked when the form names it. */
typedef struct AreaBoxes { Buf *b; const DefForm *f; int n; } AreaBoxes;

static int area_box(void *pArg, const CatItem *it){
  AreaBoxes *a = pArg;
  int on = 0;
  for(int i = 0; i < a->f->put.nArea && !on; i++) on = strcmp(a->f->put.azArea[i], it->zName)==0;
  buf_printf(a->b, "<label><input type=\"checkbox\" name=\"area\" value=\"%h\"%s> %h</label>\n",
             it->zName, on ? " checked" : "", it->zName);
  a->n++;
  return 0;
}

static int edit_form(HttpReq *p, const DefForm *f){
  Buf *b = &p->body;
  int fl = cat_fields(f->k), rc = ECX_OK;
  buf_printf(b, "<section class=\"ecx-card\" id=\"edit\"><h2>%h%s%h%s</h2>\n",
             f->zItem ? _(azEdit[f->k]) : _(azAdd[f->k]), f->zItem ? " “" : "",
             f->zItem ? f->zItem : "", f->zItem ? "”" : "");
  buf_puts(b, "<form class=\"stack\" method=\"post\" action=\"/definitions\">");
  layout_csrf(p);
  buf_printf(b, "<input type=\"hidden\" name=\"kind\" value=\"%h\">", cat_plural(f->k));
  if( f->zItem ) buf_printf(b, "<input type=\"hidden\" name=\"item\" value=\"%h\">", f->zItem);
  buf_printf(b, "\n<label>%h <input name=\"name\" required maxlength=\"%d\" value=\"%h\"",
             _("Name"), CAT_MAX_NAME, f->put.zName);
  attr_invalid(b, f, "name");
  buf_puts(b, "></label>\n");
  if( fl & CAT_F_DESCRIPTION ){
    buf_printf(b, "<label>%h <textarea name=\"description\" rows=\"2\" maxlength=\"%d\"", _("Description"), CAT_MAX_TEXT);
    attr_invalid(b, f, "description");
    buf_printf(b, ">%h</textarea></label>\n", f->put.zDescription);
  }
  if( fl & CAT_F_FILTER ){
    buf_printf(b, "<label>%h <input name=\"filter\" value=\"%h\"", _("Filter"), f->put.zFilter);
    attr_invalid(b, f, "filter");
    buf_printf(b, "></label><p class=\"muted\">%h</p>\n",
               _("Which respondents belong to it, written as in the dashboards' filter: "
                 "edad=18-24|25-34, perfil=digital"));
  }
  if( fl & CAT_F_POSITION ){
    buf_printf(b, "<label>%h <input name=\"position\" inputmode=\"numeric\" value=\"%h\"",
               _("Position on the journey"), f->zPosition);
    attr_invalid(b, f, "position");
    buf_printf(b, "></label>\n");
  }
  if( fl & CAT_F_CHANNEL ){
    buf_printf(b, "<label>%h <input name=\"channel\" maxlength=\"%d\" value=\"%h\"",
               _("Channel"), CAT_MAX_NAME, f->put.zChannel);
    attr_invalid(b, f, "channel");
    buf_printf(b, "></label>\n");
  }
  if( fl & CAT_F_AREAS ){
    AreaBoxes a = {b, f, 0};
    buf_printf(b, "<fieldset");
    attr_invalid(b, f, "areas");
    buf_printf(b, "><legend>%h</legend>\n", _("Responsible areas"));
    rc = cat_each(p->pWs, CAT_AREA, area_box, &a);
    if( a.n==0 ) buf_printf(b, "<p class=\"muted\">%h</p>\n", _("There are no areas yet: add one below."));
    buf_printf(b, "<p class=\"muted\">%h</p></fieldset>\n",
               _("An area lead's dashboards show the touchpoints its area answers for."));
  }
  buf_printf(b, "<p><button type=\"submit\">%h</button> <a href=\"/definitions\">%h</a></p></form></section>\n",
             _("Save"), _("Cancel"));
  return rc;
}

/* The list of one kind. */
typedef struct ListRows { HttpReq *p; CatKind k; int n; } ListRows;

static int list_row(void *pArg, const CatItem *it){
  ListRows *l = pArg;
  Buf *b = &l->p->body;
  int fl = cat_fields(l->k);
  buf_printf(b, "<tr><td>%h</td>", it->zName);
  if( fl & CAT_F_DESCRIPTION ) buf_printf(b, "<td>%h</td>", it->zDescription);
  if( fl & CAT_F_FILTER ) buf_printf(b, "<td><code>%h</code></td>", it->zFilter);
  if( fl & CAT_F_POSITION ) buf_printf(b, "<td>%lld</td>", (long long)it->position);
  if( fl & CAT_F_CHANNEL ) buf_printf(b, "<td>%h</td>", it->zChannel);
  if( fl & CAT_F_AREAS ){
    buf_puts(b, "<td>");
    for(int i = 0; i < it->nArea; i++) buf_printf(b, "%s%h", i ? ", " : "", it->azArea[i]);
    buf_puts(b, "</td>");
  }
  buf_printf(b, "<td><a href=\"/definitions?kind=%U&amp;name=%U#edit\">%h</a></td></tr>\n",
             cat_plural(l->k), it->zName, _("Edit"));
  l->n++;
  return 0;
}

static int list_kind(HttpReq *p, CatKind k){
  Buf *b = &p->body;
  int fl = cat_fields(k);
  ListRows l = {p, k, 0};
  buf_printf(b, "<section class=\"ecx-card\" id=\"%h\"><h2>%h</h2>\n<table class=\"ecx-table\"><thead><tr><th>%h</th>",
             cat_plural(k), _(azTitle[k]), _("Name"));
  if( fl & CAT_F_DESCRIPTION ) buf_printf(b, "<th>%h</th>", _("Description"));
  if( fl & CAT_F_FILTER ) buf_printf(b, "<th>%h</th>", _("Filter"));
  if( fl & CAT_F_POSITION ) buf_printf(b, "<th>%h</th>", _("Position on the journey"));
  if( fl & CAT_F_CHANNEL ) buf_printf(b, "<th>%h</th>", _("Channel"));
  if( fl & CAT_F_AREAS ) buf_printf(b, "<th>%h</th>", _("Responsible areas"));
  buf_puts(b, "<th></th></tr></thead><tbody>\n");
  int rc = cat_each(p->pWs, k, list_row, &l);
  buf_puts(b, "</tbody></table>\n");
  if( l.n==0 ) buf_printf(b, "<p class=\"muted\">%h</p>\n", _("None yet."));
  buf_printf(b, "<p><a href=\"/definitions?kind=%U&amp;new=1#edit\">%h</a></p></section>\n",
             cat_plural(k), _(azAdd[k]));
  return rc;
}

/* The form of item zName as stored. ECX_ENOTFOUND if there is none. */
static int form_load(HttpReq *p, CatKind k, const char *zName, DefForm *f){
  CatItem it;
  memset(f, 0, sizeof *f);
  f->k = k;
  f->zPosition = "";
  f->put.zName = f->put.zDescription = f->put.zFilter = f->put.zChannel = "";
  if( !zName ) return ECX_OK;
  int rc = cat_get(p->pWs, k, zName, &it);
  if( rc ) return rc;
  f->zItem = http_strdup(p, it.zName);
  f->put.zName = f->zItem;
  f->put.zDescription = http_strdup(p, it.zDescription);
  f->put.zFilter = http_strdup(p, it.zFilter);
  f->put.zChannel = http_strdup(p, it.zChannel);
  char zPos[24];
  snprintf(zPos, sizeof zPos, "%lld", (long long)it.position);
  f->zPosition = http_strdup(p, zPos);
  const char **az = http_alloc(p, sizeof(char*)*(size_t)(it.nArea + 1));
  for(int i = 0; i < it.nArea; i++) az[i] = http_strdup(p, it.azArea[i]);
  f->put.nArea = it.nArea;
  f->put.azArea = az;
  cat_item_clear(&it);
  return ECX_OK;
}

static const char *form_text(HttpReq *p, const char *zName){
  const char *z = http_form(p, zName);
  return z ? z : "";
}

/* Read the posted form into f and store it: ECX_OK with *pChanged, or an
** error after http_fail() (400/404/409/413 with the field). */
static int post(HttpReq *p, DefForm *f, int *pChanged){
  int k = param_kind(p), created = 0, fl;
  const char *zAfter = 0;
  memset(f, 0, sizeof *f);
  if( k < 0 ) return http_fail(p, 400, ECX_EINVAL, "kind", "%s", _("no such kind of definition"));
  f->k = (CatKind)k;
  fl = cat_fields(f->k);
  f->zItem = http_form(p, "item");
  if( f->zItem && !f->zItem[0] ) f->zItem = 0;
  f->put.zName = form_text(p, "name");
  f->put.zDescription = form_text(p, "description");
  f->put.zFilter = form_text(p, "filter");
  f->put.zChannel = form_text(p, "channel");
  f->zPosition = form_text(p, "position");
  if( !(fl & CAT_F_DESCRIPTION) ) f->put.zDescription = 0;
  if( !(fl & CAT_F_FILTER) ) f->put.zFilter = 0;
  if( !(fl & CAT_F_CHANNEL) ) f->put.zChannel = 0;
  if( fl & CAT_F_AREAS ){
    const char **az = http_alloc(p, sizeof(char*)*(size_t)(p->nForm + 1));
    for(int i = 0; i < p->nForm; i++){
      if( strcmp(p->aForm[i].zName, "area")==0 ) az[f->put.nArea++] = p->aForm[i].zValue;
    }
    f->put.hasAreas = 1;
    f->put.azArea = az;
  }
  if( (fl & CAT_F_POSITION) && f->zPosition[0] ){
    if( util_parse_int(f->zPosition, &f->put.position) ){
      return http_fail(p, 400, ECX_EINVAL, "position", _("must be a whole number from %lld to %lld"),
                       0LL, (long long)CAT_MAX_POSITION);
    }
    f->put.hasPosition = 1;
  }
  /* An item's form changes that item (or, sent again after a rename, the
  ** renamed one); a new item's form must not change an existing one. */
  CatItem it;
  const char *zName = f->zItem ? f->zItem : f->put.zName;
  int rc = zName[0] ? cat_get(p->pWs, f->k, zName, &it) : ECX_ENOTFOUND;
  if( rc==ECX_OK ) cat_item_clear(&it);
  if( rc==ECX_OK && !f->zItem ){
    return http_fail(p, 409, ECX_EEXIST, "name", _("there is already a %s named \"%s\""),
                     cat_singular(f->k), zName);
  }
  if( rc==ECX_ENOTFOUND && f->zItem ){
    rc = cat_get(p->pWs, f->k, f->put.zName, &it);
    if( rc==ECX_OK ) cat_item_clear(&it);
    if( rc==ECX_ENOTFOUND ){
      return http_fail(p, 404, rc, "item", _("no %s named \"%s\""), cat_singular(f->k), f->zItem);
    }
  }
  if( rc && rc!=ECX_ENOTFOUND ) return rc;
  err_clear();
  return api_catalog_store(p, f->k, zName, &f->put, &created, pChanged, &zAfter);
}

int page_definitions(HttpReq *p){
  DefForm f;
  const char *zErr = 0, *zDone = 0;
  int rc = ECX_OK, showForm = 0;
  memset(&f, 0, sizeof f);
  if( p->method==HTTP_POST ){
    int changed = 0;
    rc = post(p, &f, &changed);
    if( rc==ECX_OK ){
      Buf u;
      buf_init(&u, 4096);
      buf_printf(&u, "/definitions?done=%s&kind=%U&item=%U#%s", changed ? "saved" : "unchanged",
                 cat_plural(f.k), f.put.zName, cat_plural(f.k));
      char *zTo = http_strdup(p, buf_str(&u));
      buf_free(&u);
      return http_redirect(p, zTo);
    }
    if( p->status < 400 ) return rc;        /* unexpected: the router's error page */
    const char *zLabel = field_label(p->zErrField);
    Buf m;
    buf_init(&m, 4096);
    buf_printf(&m, "%s%s%s", zLabel ? zLabel : "", zLabel ? ": " : "", err_detail());
    zErr = http_strdup(p, buf_str(&m));
    buf_free(&m);
    err_clear();
    f.zBad = p->zErrField;
    showForm = f.put.zName!=0;               /* the form as typed, unless the kind was bad */
    rc = ECX_OK;
  }else{
    int k = param_kind(p);
    const char *zName = http_query(p, "name"), *zDoneQ = http_query(p, "done");
    if( k >= 0 && (zName || http_query(p, "new")) ){
      rc = form_load(p, (CatKind)k, zName, &f);
      if( rc==ECX_ENOTFOUND ){
        zErr = http_strdup(p, err_detail());
        err_clear();
        http_set_status(p, 404);
        rc = ECX_OK;
      }else if( rc ){
        return rc;
      }else{
        showForm = 1;
      }
    }
    if( zDoneQ && k >= 0 ){
      const char *zItem = http_query(p, "item");
      Buf m;
      buf_init(&m, 4096);
      buf_printf(&m, strcmp(zDoneQ, "saved")==0 ? _("Saved: %s") : _("Nothing to change: %s"), zItem ? zItem : "");
      zDone = http_strdup(p, buf_str(&m));
      buf_free(&m);
    }
  }
  layout_begin(p, _("Definitions"));
  if( zErr ) layout_notice(p, "bad", zErr);
  else if( zDone ) layout_notice(p, "ok", zDone);
  buf_printf(&p->body, "<p class=\"muted\">%h</p>\n",
             _("The names the surveys, the dashboards and the API share. Every change is recorded in the "
               "audit log; a renamed item keeps its data."));
  if( showForm ) rc = edit_form(p, &f);
  for(int k = 0; k < CAT_NKIND && rc==ECX_OK; k++) rc = list_kind(p, (CatKind)k);
  if( rc ) return rc;
  layout_end(p);
  return ECX_OK;
}
