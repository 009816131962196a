/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "fw-diagram-style.h"
#include "fw-export.h"
#include "fw-workbook.h"

G_BEGIN_DECLS

/* Every idea of a workbook ranked for the next session: PoC priority (3–9)
 * first, then the flywheel score, then the title; ideas whose priority is not
 * rated yet come last. A snapshot: it holds a reference to each idea but does
 * not follow later changes. */
typedef struct
{
  FwIdea     *idea;
  char       *title;     /* stripped; "Untitled idea" when empty */
  FwVerdict   verdict;
  int         score;     /* 0–100 */
  int         priority;  /* 3–9, 0 while unrated */
  guint       rank;      /* 1-based */
  guint       position;  /* in the workbook's list */
  FwDecision  decision;  /* the PM's decision after the team round */
  int         agreement; /* the team's (fw_team_agreement()): 0–100, -1 without one */
} FwPortfolioEntry;

typedef struct _FwPortfolio FwPortfolio;

/* Below this agreement figure the team disagrees enough to discuss the idea
 * first: the chart rings its bubble, the lists mark it (docs/rules.md). */
#define FW_PORTFOLIO_LOW_AGREEMENT 80

/* The idea's decision in one line, as the Markdown summary, the worksheet's 備考,
 * the report and the slides write it: "Decision: adopt for a PoC — rationale",
 * translated; NULL while not decided. Free with g_free(). */
char                   *fw_portfolio_format_decision (FwIdea                 *idea);
/* TRUE when the team's agreement on the entry's idea is low. */
gboolean                fw_portfolio_entry_is_low_agreement (const FwPortfolioEntry *entry);
/* "Team agreement 50 / 100 · Adopt for a PoC" for the lists; NULL when the idea has
 * neither a figure nor a decision. Free with g_free(). */
char                   *fw_portfolio_entry_describe_team (const FwPortfolioEntry *entry);

FwPortfolio            *fw_portfolio_new             (FwWorkbook             *workbook);
void                    fw_portfolio_free            (FwPortfolio            *portfolio);
guint                   fw_portfolio_get_n_entries   (const FwPortfolio      *portfolio);
/* In rank order. */
const FwPortfolioEntry *fw_portfolio_get_entry       (const FwPortfolio      *portfolio,
                                                      guint                   index);
/* The ranking's order: negative when @a ranks before @b. */
int                     fw_portfolio_entry_compare   (const FwPortfolioEntry *a,
                                                      const FwPortfolioEntry *b);
/* "Winning pattern" etc. in the verdict's colour of @style. */
const FwColor          *fw_portfolio_verdict_color   (const FwDiagramStyle   *style,
                                                      FwVerdict               verdict);

/* The chart: x the flywheel score 0–100, y the PoC priority, one bubble per
 * idea coloured by its verdict (ideas on the same point are set side by side,
 * each with a bubble of its own), labels placed so that none overlaps another
 * label or a bubble (greedy: candidate positions round the bubble, further out
 * with a leader line; the whole title on one line or wrapped, never cut short;
 * a label with no room shrinks to the rank, then is left out — the ranked
 * table always lists it). Pure: a function of the portfolio, the size and the
 * style. */
typedef struct _FwPortfolioLayout FwPortfolioLayout;

/* @context: NULL for a default one with unhinted metrics. */
FwPortfolioLayout *fw_portfolio_layout_new         (const FwPortfolio       *portfolio,
                                                    double                   width,
                                                    double                   height,
                                                    const FwDiagramStyle    *style,
                                                    PangoContext            *context);
void              fw_portfolio_layout_free         (FwPortfolioLayout       *layout);
double            fw_portfolio_layout_get_width    (const FwPortfolioLayout *layout);
double            fw_portfolio_layout_get_height   (const FwPortfolioLayout *layout);
/* Where the bubbles live (inside the axes). */
void              fw_portfolio_layout_get_plot     (const FwPortfolioLayout *layout,
                                                    cairo_rectangle_t       *rect);
/* Bubble @index belongs to portfolio entry @index. */
void              fw_portfolio_layout_get_bubble   (const FwPortfolioLayout *layout,
                                                    guint                    index,
                                                    double                  *x,
                                                    double                  *y,
                                                    double                  *radius);
/* FALSE when the entry's label had no room at all. @full: the label shows
 * the whole title (TRUE) or only the rank (FALSE). */
gboolean          fw_portfolio_layout_get_label    (const FwPortfolioLayout *layout,
                                                    guint                    index,
                                                    cairo_rectangle_t       *rect,
                                                    gboolean                *full);
/* The entry whose bubble or label is at @x, @y; -1 for none. */
int               fw_portfolio_layout_entry_at     (const FwPortfolioLayout *layout,
                                                    double                   x,
                                                    double                   y);

/* The only code that draws the chart: on screen, in files, the report, print
 * and slides. @highlighted: an entry to emphasise, or -1. */
void              fw_portfolio_draw                (const FwPortfolioLayout *layout,
                                                    cairo_t                 *cr,
                                                    int                      highlighted);

/* The chart as a PNG, PDF or SVG file's contents, like fw_export_to_bytes(). */
GBytes           *fw_portfolio_export_to_bytes     (const FwPortfolio       *portfolio,
                                                    const FwExportOptions   *options,
                                                    const char              *title,
                                                    GError                 **error);
gboolean          fw_portfolio_export_to_file      (const FwPortfolio       *portfolio,
                                                    const FwExportOptions   *options,
                                                    const char              *title,
                                                    const char              *path,
                                                    GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwPortfolio, fw_portfolio_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwPortfolioLayout, fw_portfolio_layout_free)

G_END_DECLS
