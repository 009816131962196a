/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "fw-diagram-style.h"
#include "fw-workbook.h"

G_BEGIN_DECLS

/* The homework report: a cover, the portfolio chart with the ranked table, a
 * section per idea (in rank order) and the cases as the worksheet's table. */

typedef enum
{
  FW_PAPER_A4,
  FW_PAPER_LETTER,
  FW_N_PAPERS
} FwPaper;

typedef struct
{
  FwPaper     paper;
  /* The date on the cover; NULL for today. */
  GDateTime  *date;
  /* The language to write in ("en", "ja"); NULL for the thread's (see fw-i18n.h). */
  const char *language;
} FwReportOptions;

void          fw_report_options_init   (FwReportOptions *options);
gboolean      fw_paper_from_id         (const char      *id,
                                        FwPaper         *paper);
/* In points. */
void          fw_paper_get_size        (FwPaper          paper,
                                        double          *width,
                                        double          *height);

/* Called from the thread that writes: @fraction 0–1. */
typedef void (*FwReportProgress) (double   fraction,
                                  gpointer user_data);

/* The laid-out report, in the language of the calling thread (fw_i18n_push_language()),
 * which its pages keep when drawn from another: pages of a given size, each drawn by
 * fw_report_draw_page() onto any cairo context whose user space is that size
 * in points — a PDF surface, or GtkPrintOperation's context. It keeps its own
 * copy of what it shows, so @workbook may change afterwards. */
typedef struct _FwReport FwReport;

FwReport     *fw_report_new            (FwWorkbook      *workbook,
                                        double           page_width,
                                        double           page_height,
                                        GDateTime       *date,
                                        GCancellable    *cancellable);
void          fw_report_free           (FwReport        *report);
/* 0 when fw_report_new() was cancelled. */
guint         fw_report_get_n_pages    (FwReport        *report);
/* Draws page @page (0-based). When @cr targets a PDF surface the page also
 * gets its links and bookmarks. */
void          fw_report_draw_page      (FwReport        *report,
                                        cairo_t         *cr,
                                        guint            page);

typedef struct
{
  char   *title;
  int     level;  /* 0 for a section, 1 for an idea within "Ideas" */
  guint   page;   /* 0-based */
} FwReportBookmark;

guint                   fw_report_get_n_bookmarks (FwReport *report);
const FwReportBookmark *fw_report_get_bookmark    (FwReport *report,
                                                   guint     index);

/* Writes the report to @out as PDF (a temporary file renamed over @out, so
 * @out is untouched on failure or cancellation). Thread-safe for a workbook
 * no other thread uses: give it a fw_report_copy_workbook() of the one the
 * window shows. */
gboolean      fw_report_write          (FwWorkbook             *workbook,
                                        GFile                  *out,
                                        const FwReportOptions  *options,
                                        GCancellable           *cancellable,
                                        FwReportProgress        progress,
                                        gpointer                user_data,
                                        GError                **error);

/* A deep copy through the file format, for another thread. */
FwWorkbook   *fw_report_copy_workbook  (FwWorkbook             *workbook);

/* Slides for presentation mode: one per idea (in rank order: its flywheel,
 * verdict, top reasons; an idea the members assessed first gets the team's: its
 * flywheel with the spread, the agreement, each member's verdict, the split stages
 * and the decision), then the portfolio chart; in the language of the thread
 * that made them, which fw_slides_draw() keeps. */
typedef struct _FwSlides FwSlides;

FwSlides     *fw_slides_new            (FwWorkbook             *workbook,
                                        const FwDiagramStyle   *style);
void          fw_slides_free           (FwSlides               *slides);
guint         fw_slides_get_n_slides   (FwSlides               *slides);
/* The rank (1-based) of the idea slide @index shows, 0 for the portfolio's; @team
 * (may be NULL) tells the team's spread slide, which comes before the verdict slide
 * of an idea the members assessed. */
guint         fw_slides_get_rank       (FwSlides               *slides,
                                        guint                   index,
                                        gboolean               *team);
void          fw_slides_draw           (FwSlides               *slides,
                                        cairo_t                *cr,
                                        guint                   index,
                                        double                  width,
                                        double                  height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwReport, fw_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FwSlides, fw_slides_free)

G_END_DECLS
