/*
** The touchpoint x dimension heatmap and the CSV of every dashboard table.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dash_int.h"
#include "svg.h"
#include "../base/err.h"
#include "../base/i18n.h"

int dash_heatmap(Buf *p, const Cube *pC, const DashParams *pP){
  DashQuery d;
  CubeResult r;
  int rc = dq_init(&d, pC, pP), i, j, nCol = 0, *aMet;
  memset(&r, 0, sizeof r);
  aMet = ecx_calloc((size_t)pC->nMet + 1, sizeof(int));
  for(j=0; j<pC->nMet; j++) if( pC->aMet[j].kind==CUBE_MET_RATING ) aMet[nCol++] = j;
  if( rc==ECX_OK ){
    d.q.nBy = 1;
    d.q.aBy[0].iCol = cube_col_find(pC, "touchpoint");
    rc = cube_query(pC, &d.q, &r);
  }
  if( rc==ECX_OK ){
    int nRow = (int)r.nGroup, nH = r.nMet*CUBE_HIST;
    char **azRow = ecx_calloc((size_t)nRow + 1, sizeof(char*)), zLabel[256];
    const char **azCol = ecx_calloc((size_t)nCol + 1, sizeof(char*));
    double *aVal = ecx_calloc((size_t)(nRow*nCol)*2 + 1, sizeof(double)), *aShown = aVal + nRow*nCol;
    unsigned char *aSup = ecx_calloc((size_t)(nRow*nCol) + 1, 1);
    char zSup[32];
    snprintf(zSup, sizeof zSup, "n < %d", pP->minN);
    Figure *aFig = ecx_calloc((size_t)nCol + 1, sizeof(Figure));
    unsigned char *aGroup, *aHide;
    for(j=0; j<nCol; j++){
      azCol[j] = pC->aMet[aMet[j]].zName;
      aFig[j].iMet = aMet[j];
      aFig[j].kind = FIG_MEAN;
    }
    /* Cells the touchpoints' totals would give away are hidden too. */
    dash_suppress(&r, aFig, nCol, pP->minN, &aGroup, &aHide);
    for(i=0; i<nRow; i++){
      const char *z = cube_result_label(pC, &r, i, 0, zLabel, sizeof zLabel);
      azRow[i] = ecx_strdup(z[0] ? z : _("(none)"));
      for(j=0; j<nCol; j++){
        const CubeMetric *pM = &pC->aMet[aMet[j]];
        StatsMean m;
        cube_hist_mean(r.aHist + (int64_t)i*nH + aMet[j]*CUBE_HIST, &m);
        if( aHide[i*nCol + j] ){
          aVal[i*nCol + j] = aShown[i*nCol + j] = NAN;
          /* Answered but too few (1), or hidden so that the row's or the
          ** column's total does not give a small cell away (2). */
          aSup[i*nCol + j] = m.n<=0 ? 0 : m.n<pP->minN || r.aRows[i]<pP->minN ? 1 : 2;
        }else{
          aShown[i*nCol + j] = (double)m.sum/(double)m.n;
          aVal[i*nCol + j] = (aShown[i*nCol + j] - pM->scaleMin)/(double)(pM->scaleMax - pM->scaleMin);
        }
      }
    }
    buf_printf(p, "<section class=\"ecx-card\"><h2>%h</h2>\n<p>%h</p>\n", _("Touchpoints × dimensions"),
               _("Mean rating of each dimension at each touchpoint; empty cells were not asked there, cells marked n < N have fewer answers than the minimum and are suppressed; cells marked hidden would give such a cell away through the totals."));
    {
      SvgHeatmap h = {_("Touchpoints × dimensions"), nRow, nCol, (const char *const*)azRow, azCol,
                      aVal, aShown, 0.0, 0.5, 1.0, 2, aSup, zSup, _("hidden")};
      svg_heatmap(p, &h);
    }
    buf_printf(p, "<table class=\"ecx-table\"><thead><tr><th>%h</th>", _("touchpoint"));
    for(j=0; j<nCol; j++) buf_printf(p, "<th>%h</th>", azCol[j]);
    buf_puts(p, "</tr></thead><tbody>\n");
    for(i=0; i<nRow; i++){
      buf_printf(p, "<tr><td>%h</td>", azRow[i]);
      for(j=0; j<nCol; j++){
        if( isnan(aShown[i*nCol + j]) && aSup[i*nCol + j] ){
          buf_printf(p, "<td class=\"ecx-suppressed\" title=\"%h\">%h</td>", _("suppressed"),
                     aSup[i*nCol + j]==2 ? _("hidden") : zSup);
        }else if( isnan(aShown[i*nCol + j]) ){
          buf_puts(p, "<td class=\"ecx-na\">—</td>");
        }
        else buf_printf(p, "<td>%.2f</td>", aShown[i*nCol + j]);
      }
      buf_puts(p, "</tr>\n");
    }
    buf_puts(p, "</tbody></table>\n");
    dash_csv_link(p, pP);
    buf_puts(p, "</section>\n");
    for(i=0; i<nRow; i++) free(azRow[i]);
    free(azRow); free(azCol); free(aVal); free(aSup); free(aFig); free(aGroup); free(aHide);
  }
  free(aMet);
  cube_result_free(&r);
  dq_free(&d);
  return rc;
}

int dash_csv(Buf *p, const Cube *pC, const DashParams *pP, const char *zPage){
  ReportSpec s;
  Buf metrics, by;
  int rc, j;
  memset(&s, 0, sizeof s);
  buf_init(&metrics, 1u<<16);
  buf_init(&by, 256);
  s.zWhere = pP->zWhere && pP->zWhere[0] ? pP->zWhere : 0;
  s.zSegment = pP->zSegment && pP->zSegment[0] ? pP->zSegment : 0;
  s.zScope = pP->zScope;
  s.zFrom = pP->zFrom && pP->zFrom[0] ? pP->zFrom : 0;
  s.zTo = pP->zTo && pP->zTo[0] ? pP->zTo : 0;
  s.minN = pP->minN;
  s.format = REPORT_CSV;
  if( strcmp(zPage, "heatmap")==0 ){
    buf_puts(&by, "touchpoint");
    for(j=0; j<pC->nMet; j++){
      if( pC->aMet[j].kind==CUBE_MET_RATING ) buf_printf(&metrics, "%s%s", metrics.n ? "," : "", pC->aMet[j].zName);
    }
  }else{
    buf_puts(&metrics, pP->zMetric && pP->zMetric[0] ? pP->zMetric : "nps");
    if( strcmp(zPage, "breakdown")==0 ) buf_puts(&by, pP->zBy && pP->zBy[0] ? pP->zBy : "touchpoint");
    else buf_puts(&by, pP->zPeriod && pP->zPeriod[0] ? pP->zPeriod : "month");
  }
  s.zBy = buf_str(&by);
  s.zMetrics = metrics.n ? buf_str(&metrics) : 0;
  rc = report_run(pC, &s, p);
  buf_free(&metrics);
  buf_free(&by);
  return rc;
}
