/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the report's parts share (fw-report.c: making, drawing and writing it;
 * fw-report-layout.c: the page flow, paragraphs and tables; fw-report-sections.c:
 * what each section says). Not installed, not for other code. */

#include <pango/pangocairo.h>

#include "fw-flywheel-layout.h"
#include "fw-portfolio.h"
#include "fw-report.h"

G_BEGIN_DECLS

/* Sizes in points. */
#define MARGIN_X     54.0
#define MARGIN_TOP   54.0
#define MARGIN_BOT   60.0
#define BODY         10.0
#define SMALL        8.5
#define TABLE        7.5
#define H1           18.0
#define H2           13.0
#define H3           10.5
#define CELL_PAD     3.0

/* Page content: a list of drawing operations per page, computed once. */

typedef enum
{
  OP_LINES,      /* some lines of a PangoLayout */
  OP_RECT,       /* a filled rectangle */
  OP_HLINE,      /* a rule */
  OP_FLYWHEEL,
  OP_PORTFOLIO,
  OP_DOT,        /* a verdict's dot */
} OpKind;

typedef struct
{
  OpKind        kind;
  double        x, y, w, h;
  PangoLayout  *layout;
  int           first, n;
  double        top0;        /* the first line's top in the layout, in points */
  FwColor       color;
  char         *uri;         /* a link around the op */
  char         *dest;        /* a named destination at the op, for links to it */
  int           link_idea;   /* a link to that idea's section (rank order), or -1 */
  FwFlywheelLayout *flywheel;  /* borrowed from the report */
  double        scale;
} Op;

typedef struct
{
  GPtrArray *ops;
} Page;

typedef struct
{
  const char  *text;
  gboolean     markup;
  gboolean     bold;
  double       width;
  const char  *uri;
  int          link_idea;
} Cell;

struct _FwReport
{
  double              pw, ph, cw;
  FwDiagramStyle      style;
  PangoContext       *context;
  PangoLanguage      *language;
  GPtrArray          *pages;          /* Page */
  GArray             *bookmarks;      /* FwReportBookmark */
  GPtrArray          *flywheels;      /* FwFlywheelLayout */
  FwPortfolio        *portfolio;
  FwPortfolioLayout  *chart;
  GArray             *idea_pages;     /* guint, per rank */
  char               *title;
  const char         *messages;       /* the thread's language when made; interned */

  /* Flow state while laying out. */
  Page               *page;
  double              y;
  const Cell         *header;         /* a table's header, repeated on each page */
  guint               n_header;
  double              header_size;
  int                 outline_section;  /* while drawing into a PDF */
  /* Links only inside fw_report_write()'s "Document" structure: cairo 1.16
   * writes a broken structure tree for links outside one. */
  gboolean            tagged;
};

void
report_page_free (gpointer data);

void
report_bookmark_clear (gpointer data);

Op *
report_add_op (FwReport *self,
               OpKind    kind);

void
report_new_page (FwReport *self);

void
report_ensure (FwReport *self,
               double    height);

void
report_add_bookmark_at (FwReport   *self,
                        const char *title,
                        int         level,
                        guint       page);

void
report_add_bookmark (FwReport   *self,
                     const char *title,
                     int         level);

PangoLayout *
report_make_layout (FwReport   *self,
                    const char *text,
                    gboolean    markup,
                    double      size,
                    gboolean    bold,
                    double      width);

void
report_paragraph_full (FwReport      *self,
                       const char    *text,
                       gboolean       markup,
                       double         size,
                       gboolean       bold,
                       const FwColor *color,
                       double         indent,
                       double         space_after,
                       const char    *uri);

void
report_paragraph (FwReport   *self,
                  const char *text);

void
report_labelled (FwReport   *self,
                 const char *label,
                 const char *text);

void
report_heading (FwReport   *self,
                const char *text,
                double      size);
/* The same, @markup being Pango markup. */
void
report_heading_markup (FwReport   *self,
                       const char *markup,
                       double      size);

void
report_rule (FwReport *self);

double
report_table_row_full (FwReport   *self,
                       const Cell *cells,
                       guint       n,
                       double      size,
                       gboolean    is_header);

void
report_table_begin (FwReport   *self,
                    const Cell *header,
                    guint       n,
                    double      size);

void
report_table_end (FwReport *self);

void
report_cover (FwReport   *self,
              FwWorkbook *workbook,
              GDateTime  *date);

void
report_portfolio_section (FwReport *self);

void
report_idea_section (FwReport               *self,
                     const FwPortfolioEntry *entry,
                     GHashTable             *case_names);

void
report_cases_section (FwReport   *self,
                      FwWorkbook *workbook);

/* fw-report-team.c: nothing for an idea no member assessed, or a workbook without
 * members' assessments. */
void
report_team_page (FwReport               *self,
                  FwWorkbook             *workbook,
                  const FwPortfolioEntry *entry);
void
report_team_summary (FwReport   *self,
                     FwWorkbook *workbook);

G_END_DECLS
