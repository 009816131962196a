/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo-pdf.h>
#include "fw-gettext.h"
#include <math.h>
#include <string.h>

#include "fw-assessment.h"
#include "fw-flywheel-layout.h"
#include "fw-flywheel-render.h"
#include "fw-i18n.h"
#include "fw-portfolio.h"
#include "fw-report.h"
#include "fw-workbook-io.h"

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

static const char *paper_ids[] = { "a4", "letter" };
G_STATIC_ASSERT (G_N_ELEMENTS (paper_ids) == FW_N_PAPERS);

void
fw_report_options_init (FwReportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->paper = FW_PAPER_A4;
  options->date = NULL;
  options->language = NULL;
}

gboolean
fw_paper_from_id (const char *id,
                  FwPaper    *paper)
{
  for (guint i = 0; i < G_N_ELEMENTS (paper_ids); i++)
    if (g_strcmp0 (id, paper_ids[i]) == 0)
      {
        *paper = i;
        return TRUE;
      }
  return FALSE;
}

void
fw_paper_get_size (FwPaper  paper,
                   double  *width,
                   double  *height)
{
  if (paper == FW_PAPER_LETTER)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 595.276;
      *height = 841.89;
    }
}

FwWorkbook *
fw_report_copy_workbook (FwWorkbook *workbook)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  FwWorkbook *copy;
  const char *data;
  gsize size;

  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), NULL);

  bytes = fw_workbook_to_bytes (workbook);
  data = g_bytes_get_data (bytes, &size);
  copy = fw_workbook_load_from_data (data, size, "copy", &error);
  /* What we wrote we can read: anything else is a bug in the file format. */
  if (copy == NULL)
    g_critical ("Could not copy the workbook: %s", error->message);
  return copy;
}

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

static void
op_free (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->layout);
  g_free (op->uri);
  g_free (op->dest);
  g_free (op);
}

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->ops);
  g_free (page);
}

static void
bookmark_clear (gpointer data)
{
  FwReportBookmark *bookmark = data;

  g_free (bookmark->title);
}

void
fw_report_free (FwReport *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->bookmarks, g_array_unref);
  g_clear_pointer (&self->flywheels, g_ptr_array_unref);
  g_clear_pointer (&self->chart, fw_portfolio_layout_free);
  g_clear_pointer (&self->portfolio, fw_portfolio_free);
  g_clear_pointer (&self->idea_pages, g_array_unref);
  g_clear_object (&self->context);
  g_free (self->title);
  g_free (self);
}

static double
bottom (FwReport *self)
{
  return self->ph - MARGIN_BOT;
}

static Op *
add_op (FwReport *self,
        OpKind    kind)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->link_idea = -1;
  op->color = self->style.foreground;
  g_ptr_array_add (self->page->ops, op);
  return op;
}

static void table_header (FwReport *self);

static void
new_page (FwReport *self)
{
  Page *page = g_new0 (Page, 1);

  page->ops = g_ptr_array_new_with_free_func (op_free);
  g_ptr_array_add (self->pages, page);
  self->page = page;
  self->y = MARGIN_TOP;
  if (self->header)
    table_header (self);
}

/* Starts a new page unless @height still fits on this one. */
static void
ensure (FwReport *self,
        double    height)
{
  if (self->y + height > bottom (self) && self->y > MARGIN_TOP + 0.5)
    new_page (self);
}

static void
add_bookmark_at (FwReport   *self,
                 const char *title,
                 int         level,
                 guint       page)
{
  FwReportBookmark bookmark;

  bookmark.title = g_strdup (title);
  bookmark.level = level;
  bookmark.page = page;
  g_array_append_val (self->bookmarks, bookmark);
}

static void
add_bookmark (FwReport   *self,
              const char *title,
              int         level)
{
  add_bookmark_at (self, title, level, self->pages->len - 1);
}

static PangoLayout *
make_layout (FwReport   *self,
             const char *text,
             gboolean    markup,
             double      size,
             gboolean    bold,
             double      width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  const char *family = fw_diagram_style_get_family (&self->style,
                                                    pango_language_to_string (self->language));
  PangoFontDescription *font = pango_font_description_from_string (family);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);
  /* No hyphens where a long word breaks: the PDF's text must search and copy
   * exactly as it was typed. Added after the markup, which replaces the list. */
  if (pango_layout_get_attributes (layout))
    {
      pango_attr_list_unref (attrs);
      attrs = pango_attr_list_copy (pango_layout_get_attributes (layout));
    }
  pango_attr_list_insert (attrs, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

typedef struct
{
  double top, bottom;  /* in points, within the layout */
} LineBox;

static GArray *
line_boxes (PangoLayout *layout)
{
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (LineBox));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  do
    {
      int y0, y1;
      LineBox box;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      box.top = (double) y0 / PANGO_SCALE;
      box.bottom = (double) y1 / PANGO_SCALE;
      g_array_append_val (boxes, box);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return boxes;
}

static Op *
add_lines (FwReport    *self,
           PangoLayout *layout,
           GArray      *boxes,
           int          first,
           int          n,
           double       x,
           double       y)
{
  Op *op = add_op (self, OP_LINES);

  op->layout = g_object_ref (layout);
  op->first = first;
  op->n = n;
  op->x = x;
  op->y = y;
  op->top0 = g_array_index (boxes, LineBox, first).top;
  op->w = pango_layout_get_width (layout) / (double) PANGO_SCALE;
  op->h = g_array_index (boxes, LineBox, first + n - 1).bottom - op->top0;
  return op;
}

/* A paragraph that flows on to the next page line by line: nothing is ever
 * clipped, however long the text. */
static void
paragraph_full (FwReport      *self,
                const char    *text,
                gboolean       markup,
                double         size,
                gboolean       bold,
                const FwColor *color,
                double         indent,
                double         space_after,
                const char    *uri)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autoptr(GArray) boxes = NULL;
  guint i = 0;

  if (text == NULL || *text == '\0')
    return;

  layout = make_layout (self, text, markup, size, bold, self->cw - indent);
  boxes = line_boxes (layout);
  while (i < boxes->len)
    {
      double start = g_array_index (boxes, LineBox, i).top;
      guint n = 0;
      Op *op;

      while (i + n < boxes->len &&
             self->y + g_array_index (boxes, LineBox, i + n).bottom - start <= bottom (self))
        n++;
      if (n == 0)
        {
          if (self->y > MARGIN_TOP + 0.5)
            {
              new_page (self);
              continue;
            }
          n = 1;  /* a line taller than a page: nothing better to do */
        }
      op = add_lines (self, layout, boxes, i, n, MARGIN_X + indent, self->y);
      if (color)
        op->color = *color;
      op->uri = g_strdup (uri);
      self->y += op->h;
      i += n;
      if (i < boxes->len)
        new_page (self);
    }
  self->y += space_after;
}

static void
paragraph (FwReport   *self,
           const char *text)
{
  paragraph_full (self, text, FALSE, BODY, FALSE, NULL, 0, BODY * 0.5, NULL);
}

static void
markup_paragraph (FwReport   *self,
                  const char *markup)
{
  paragraph_full (self, markup, TRUE, BODY, FALSE, NULL, 0, BODY * 0.4, NULL);
}

/* "<b>Label</b> text", escaped. */
static void
labelled (FwReport   *self,
          const char *label,
          const char *text)
{
  g_autofree char *l = g_markup_escape_text (label, -1);
  g_autofree char *t = NULL;
  g_autofree char *markup = NULL;

  if (text == NULL || *text == '\0')
    return;
  t = g_markup_escape_text (text, -1);
  markup = g_strdup_printf ("<b>%s</b> %s", l, t);
  markup_paragraph (self, markup);
}

static void
heading (FwReport   *self,
         const char *text,
         double      size)
{
  /* Keep a heading with at least two lines of what follows. */
  ensure (self, size * 1.6 + BODY * 3);
  if (self->y > MARGIN_TOP + 0.5)
    self->y += size * 0.6;
  paragraph_full (self, text, FALSE, size, TRUE, NULL, 0, size * 0.4, NULL);
}

static void
rule (FwReport *self)
{
  Op *op = add_op (self, OP_HLINE);

  op->x = MARGIN_X;
  op->y = self->y;
  op->w = self->cw;
  op->color = self->style.border;
  self->y += 4;
}

/* Tables: every cell flows line by line, so a row taller than what is left
 * of the page continues on the next one under a repeated header. */

static double
table_row_full (FwReport   *self,
                const Cell *cells,
                guint       n,
                double      size,
                gboolean    is_header)
{
  PangoLayout *layouts[16] = { NULL };
  GArray *boxes[16] = { NULL };
  guint next[16] = { 0 };
  double total = 0;
  gboolean more = TRUE;

  g_return_val_if_fail (n <= G_N_ELEMENTS (layouts), 0);

  for (guint c = 0; c < n; c++)
    {
      const char *text = cells[c].text ? cells[c].text : "";

      layouts[c] = make_layout (self, text, cells[c].markup, size,
                                cells[c].bold || is_header, cells[c].width - 2 * CELL_PAD);
      boxes[c] = line_boxes (layouts[c]);
    }

  while (more)
    {
      double avail = bottom (self) - self->y - 2 * CELL_PAD;
      double row_h = 0, x = MARGIN_X;
      gboolean any = FALSE;
      guint take[16] = { 0 };

      for (guint c = 0; c < n; c++)
        {
          double start;

          if (next[c] >= boxes[c]->len)
            continue;
          start = g_array_index (boxes[c], LineBox, next[c]).top;
          while (next[c] + take[c] < boxes[c]->len &&
                 g_array_index (boxes[c], LineBox, next[c] + take[c]).bottom - start <= avail)
            take[c]++;
          any |= take[c] > 0;
        }
      if (!any)
        {
          if (self->y > MARGIN_TOP + 0.5 && !is_header)
            {
              new_page (self);
              continue;
            }
          for (guint c = 0; c < n; c++)
            if (next[c] < boxes[c]->len)
              take[c] = 1;
        }

      for (guint c = 0; c < n; c++)
        {
          if (take[c] > 0)
            {
              Op *op = add_lines (self, layouts[c], boxes[c], next[c], take[c],
                                  x + CELL_PAD, self->y + CELL_PAD);
              op->uri = g_strdup (cells[c].uri);
              op->link_idea = cells[c].link_idea;
              if (is_header)
                op->color = self->style.dim;
              row_h = MAX (row_h, op->h);
              next[c] += take[c];
            }
          x += cells[c].width;
        }
      row_h += 2 * CELL_PAD;
      {
        Op *line = add_op (self, OP_HLINE);

        line->x = MARGIN_X;
        line->y = self->y + row_h;
        line->w = self->cw;
        line->color = self->style.border;
      }
      self->y += row_h;
      total += row_h;

      more = FALSE;
      for (guint c = 0; c < n; c++)
        more |= next[c] < boxes[c]->len;
      if (more)
        new_page (self);
    }

  for (guint c = 0; c < n; c++)
    {
      g_object_unref (layouts[c]);
      g_array_unref (boxes[c]);
    }
  return total;
}

static void
table_header (FwReport *self)
{
  Op *band = add_op (self, OP_RECT);

  band->x = MARGIN_X;
  band->y = self->y;
  band->w = self->cw;
  band->color = self->style.border;
  band->color.alpha *= 0.5;
  band->h = table_row_full (self, self->header, self->n_header, self->header_size, TRUE);
}

static void
table_begin (FwReport   *self,
             const Cell *header,
             guint       n,
             double      size)
{
  ensure (self, size * 8);
  self->header = header;
  self->n_header = n;
  self->header_size = size;
  table_header (self);
}

static void
table_end (FwReport *self)
{
  self->header = NULL;
  self->y += BODY;
}

/* The sections. */

static char *
format_date (GDateTime *date)
{
  /* TRANSLATORS: the date on the report's cover, a strftime format */
  return g_date_time_format (date, _("%B %-d, %Y"));
}

static void
cover (FwReport   *self,
       FwWorkbook *workbook,
       GDateTime  *date)
{
  const char *product = fw_workbook_get_text (workbook, FW_WORKBOOK_PRODUCT);
  const char *author = fw_workbook_get_text (workbook, FW_WORKBOOK_AUTHOR);
  g_autofree char *when = format_date (date);
  g_autofree char *counts = NULL;
  guint verdicts[FW_N_VERDICTS] = { 0 };
  static const FwVerdict order[] = {
    FW_VERDICT_WINNING, FW_VERDICT_PROMISING, FW_VERDICT_LOSING, FW_VERDICT_INCOMPLETE,
  };
  guint n_ideas = fw_portfolio_get_n_entries (self->portfolio);

  new_page (self);
  add_bookmark (self, _("Cover"), 0);
  self->y = self->ph * 0.22;
  paragraph_full (self, _("ML winning-pattern workbook"), FALSE, SMALL + 1, FALSE,
                  &self->style.dim, 0, 6, NULL);
  paragraph_full (self, self->title, FALSE, 26, TRUE, NULL, 0, 14, NULL);
  rule (self);
  self->y += 10;
  labelled (self, _("Product:"), product);
  labelled (self, _("Author:"), author);
  labelled (self, _("Date:"), when);
  self->y += 14;

  for (guint i = 0; i < n_ideas; i++)
    verdicts[fw_portfolio_get_entry (self->portfolio, i)->verdict]++;
  counts = g_strdup_printf (_("%u ideas · %u best-practice cases"), n_ideas,
                            (guint) g_list_model_get_n_items (fw_workbook_get_cases (workbook)));
  paragraph_full (self, counts, FALSE, H3, TRUE, NULL, 0, 8, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s: %u", fw_verdict_label (order[i]),
                                               verdicts[order[i]]);
      Op *dot = add_op (self, OP_DOT);

      dot->x = MARGIN_X + 5;
      dot->y = self->y + BODY * 0.75;
      dot->w = 4;
      dot->color = *fw_portfolio_verdict_color (&self->style, order[i]);
      paragraph_full (self, line, FALSE, BODY, FALSE, NULL, 16, 4, NULL);
    }
}

static void
portfolio_section (FwReport *self)
{
  Cell header[6];
  guint n = fw_portfolio_get_n_entries (self->portfolio);
  double chart_h = self->cw * 0.68;
  Op *op;

  new_page (self);
  add_bookmark (self, _("Portfolio"), 0);
  heading (self, _("Portfolio"), H1);
  paragraph_full (self, _("Every idea ranked by PoC priority (importance + urgency + ML value, "
                          "with High = 3, Medium = 2, Low = 1), then by flywheel score. Ideas "
                          "without all three ratings come last."),
                  FALSE, SMALL + 0.5, FALSE, &self->style.dim, 0, 8, NULL);

  {
    FwDiagramStyle style = self->style;

    /* Legible on paper: the chart's labels near the table's size. */
    style.font_scale = 1.15;
    self->chart = fw_portfolio_layout_new (self->portfolio, self->cw, chart_h, &style,
                                           self->context);
  }
  ensure (self, chart_h);
  op = add_op (self, OP_PORTFOLIO);
  op->x = MARGIN_X;
  op->y = self->y;
  op->w = self->cw;
  op->h = chart_h;
  self->y += chart_h + 12;

  if (n == 0)
    {
      paragraph (self, _("No ideas yet."));
      return;
    }

  header[0] = (Cell) { "#", FALSE, FALSE, self->cw * 0.06, NULL, -1 };
  header[1] = (Cell) { _("Idea"), FALSE, FALSE, self->cw * 0.33, NULL, -1 };
  header[2] = (Cell) { _("Verdict"), FALSE, FALSE, self->cw * 0.19, NULL, -1 };
  header[3] = (Cell) { _("Score"), FALSE, FALSE, self->cw * 0.08, NULL, -1 };
  header[4] = (Cell) { _("PoC priority"), FALSE, FALSE, self->cw * 0.11, NULL, -1 };
  /* TRANSLATORS: importance · urgency · ML value, as High/Medium/Low (高/中/低);
   * the column is wide enough for "Medium · Medium · Medium" */
  header[5] = (Cell) { _("I · U · V"), FALSE, FALSE, self->cw * 0.23, NULL, -1 };
  table_begin (self, header, G_N_ELEMENTS (header), SMALL);
  for (guint i = 0; i < n; i++)
    {
      const FwPortfolioEntry *entry = fw_portfolio_get_entry (self->portfolio, i);
      g_autofree char *rank = g_strdup_printf ("%u", entry->rank);
      g_autofree char *score = g_strdup_printf ("%d", entry->score);
      g_autofree char *priority = fw_format_poc_priority (entry->priority);
      g_autofree char *levels = NULL;
      Cell cells[6];
      const char *sym[FW_N_PRIORITIES];

      for (guint p = 0; p < FW_N_PRIORITIES; p++)
        {
          FwLevel level = fw_idea_get_priority (entry->idea, p);

          sym[p] = fw_level_label (level);
        }
      levels = g_strdup_printf ("%s · %s · %s", sym[0], sym[1], sym[2]);
      memcpy (cells, header, sizeof cells);
      cells[0].text = rank;
      cells[1].text = entry->title;
      cells[1].link_idea = i;
      cells[2].text = fw_verdict_label (entry->verdict);
      cells[3].text = score;
      cells[4].text = priority;
      cells[5].text = levels;
      table_row_full (self, cells, G_N_ELEMENTS (cells), SMALL, FALSE);
    }
  table_end (self);
}

static const char *
answer_text (FwAnswer answer)
{
  return answer == FW_ANSWER_UNANSWERED ? _("not answered") : fw_answer_label (answer);
}

static void
idea_section (FwReport               *self,
              const FwPortfolioEntry *entry,
              GHashTable             *case_names)
{
  FwIdea *idea = entry->idea;
  g_autoptr(FwAssessment) assessment = fw_assessment_new (idea);
  g_autoptr(FwFlywheelInput) input = fw_flywheel_input_new_for_idea (idea);
  g_autofree char *title = g_strdup_printf ("%u. %s", entry->rank, entry->title);
  g_autofree char *summary = NULL;
  g_autofree char *priority = NULL;
  double diagram_h = self->cw * 0.62;
  FwFlywheelLayout *flywheel;
  const char * const *advice;
  const char * const *case_ids;
  guint n_reasons;
  Op *op;

  new_page (self);
  {
    guint first = self->pages->len - 1;

    g_array_append_val (self->idea_pages, first);
  }
  add_bookmark (self, title, 1);
  heading (self, title, H1);
  {
    Op *last = g_ptr_array_index (self->page->ops, self->page->ops->len - 1);

    /* Cairo 1.16 writes broken links to later pages by number; names work. */
    last->dest = g_strdup_printf ("idea-%u", entry->rank);
  }
  priority = fw_format_poc_priority (entry->priority);
  summary = fw_format_summary (entry->verdict, entry->score, entry->priority);
  paragraph_full (self, summary, FALSE, BODY, TRUE,
                  fw_portfolio_verdict_color (&self->style, entry->verdict), 0, 6, NULL);

  flywheel = fw_flywheel_layout_new (input, self->cw, diagram_h, &self->style, NULL);
  g_ptr_array_add (self->flywheels, flywheel);
  ensure (self, diagram_h);
  op = add_op (self, OP_FLYWHEEL);
  op->flywheel = flywheel;
  op->x = MARGIN_X;
  op->y = self->y;
  op->w = self->cw;
  op->h = diagram_h;
  self->y += diagram_h + 8;

  heading (self, _("Story"), H2);
  labelled (self, _("As a"), fw_idea_get_text (idea, FW_IDEA_AS_A));
  labelled (self, _("I want"), fw_idea_get_text (idea, FW_IDEA_I_WANT));
  labelled (self, _("so that"), fw_idea_get_text (idea, FW_IDEA_SO_THAT));
  labelled (self, _("Customer:"), fw_idea_get_text (idea, FW_IDEA_CUSTOMER));
  labelled (self, _("Input data:"), fw_idea_get_text (idea, FW_IDEA_INPUT_DATA));
  labelled (self, _("Output data:"), fw_idea_get_text (idea, FW_IDEA_OUTPUT_DATA));
  labelled (self, _("ML task:"), fw_task_label (fw_idea_get_task (idea)));
  {
    FwApplicability a = fw_idea_get_applicability (idea);
    g_autofree char *text = g_strdup_printf ("%s %s", fw_applicability_symbol (a),
                                             fw_applicability_label (a));
    labelled (self, _("ML applicability:"), g_strstrip (text));
  }

  heading (self, _("Why the flywheel turns"), H2);
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      const char *why = fw_idea_get_why (idea, s);
      const char *question = fw_stage_question (s);
      /* As the diagram labels it, a lift included. */
      g_autofree char *state = fw_assessment_dup_state_text (assessment, s);

      heading (self, question, H3);
      if (why && *why)
        paragraph_full (self, why, FALSE, BODY, FALSE, NULL, 0, 2, NULL);
      else
        paragraph_full (self, _("No answer yet."), FALSE, BODY, FALSE, &self->style.dim, 0, 2,
                        NULL);
      paragraph_full (self, state, FALSE, SMALL, FALSE, &self->style.dim, 0, 4, NULL);
    }

  heading (self, _("Checklist"), H2);
  for (guint c = 0; c < FW_N_CONDITIONS; c++)
    {
      const char *note = fw_idea_get_condition_note (idea, c);
      gboolean ticked = fw_idea_get_condition (idea, c);
      g_autofree char *line = NULL;

      if (c == 0)
        paragraph_full (self, _("Conditions that favour a win"), FALSE, SMALL, TRUE,
                        &self->style.dim, 0, 2, NULL);
      else if (c == FW_N_WIN_CONDITIONS)
        paragraph_full (self, _("Conditions that lead to a loss"), FALSE, SMALL, TRUE,
                        &self->style.dim, 0, 2, NULL);
      line = note && *note
        ? g_strdup_printf ("%s %s — %s", ticked ? "☑" : "☐", fw_condition_label (c), note)
        : g_strdup_printf ("%s %s", ticked ? "☑" : "☐", fw_condition_label (c));
      paragraph_full (self, line, FALSE, BODY, FALSE, ticked ? NULL : &self->style.dim, 8, 2,
                      NULL);
    }
  self->y += 4;
  for (guint q = 0; q < FW_N_QUESTIONS; q++)
    {
      g_autofree char *line = g_strdup_printf ("%s — %s", fw_question_label (q),
                                               answer_text (fw_idea_get_answer (idea, q)));

      paragraph_full (self, line, FALSE, SMALL + 0.5, FALSE, NULL, 8, 2, NULL);
    }

  heading (self, _("Verdict and reasons"), H2);
  paragraph_full (self, summary, FALSE, BODY, TRUE,
                  fw_portfolio_verdict_color (&self->style, entry->verdict), 0, 4, NULL);
  n_reasons = fw_assessment_get_n_reasons (assessment);
  for (guint r = 0; r < n_reasons; r++)
    {
      const FwReason *reason = fw_assessment_get_reason (assessment, r);
      const FwColor *color = reason->kind == FW_REASON_BREAKS ? &self->style.broken
                             : reason->kind == FW_REASON_WEAKENS ? &self->style.weak : NULL;
      g_autofree char *line = g_strdup_printf ("%s %s",
                                               reason->kind == FW_REASON_SUPPORTS ? "+" :
                                               reason->kind == FW_REASON_BREAKS ? "×" : "–",
                                               reason->text);

      paragraph_full (self, line, FALSE, BODY, FALSE, color, 8, 2, NULL);
    }
  advice = fw_assessment_get_advice (assessment);
  if (advice && advice[0])
    {
      self->y += 4;
      paragraph_full (self, _("What would move the verdict"), FALSE, SMALL, TRUE,
                      &self->style.dim, 0, 2, NULL);
      for (guint a = 0; advice[a]; a++)
        {
          g_autofree char *line = g_strdup_printf ("→ %s", advice[a]);

          paragraph_full (self, line, FALSE, BODY, FALSE, NULL, 8, 2, NULL);
        }
    }

  heading (self, _("Priority"), H2);
  {
    static const char *labels[FW_N_PRIORITIES] = {
      N_("Importance:"), N_("Urgency:"), N_("ML value:"),
    };
    static const FwIdeaText reasons[FW_N_PRIORITIES] = {
      FW_IDEA_IMPORTANCE_REASON, FW_IDEA_URGENCY_REASON, FW_IDEA_ML_VALUE_REASON,
    };

    for (guint p = 0; p < FW_N_PRIORITIES; p++)
      {
        FwLevel level = fw_idea_get_priority (idea, p);
        const char *why = fw_idea_get_text (idea, reasons[p]);
        g_autofree char *text = NULL;

        /* The label, not the worksheet's mark: 高/中/低 in Japanese, High/Medium/Low in
         * English, "Not rated" when unset. */
        text = g_strdup (fw_level_label (level));
        if (why && *why)
          {
            g_autofree char *with = g_strdup_printf ("%s — %s", text, why);
            labelled (self, _(labels[p]), with);
          }
        else
          labelled (self, _(labels[p]), text);
      }
    labelled (self, _("PoC priority:"), priority);
  }
  labelled (self, _("Concerns:"), fw_idea_get_text (idea, FW_IDEA_CONCERNS));
  labelled (self, _("Blockers:"), fw_idea_get_text (idea, FW_IDEA_BLOCKERS));
  labelled (self, _("Notes:"), fw_idea_get_text (idea, FW_IDEA_NOTES));
  {
    const char *url = fw_idea_get_text (idea, FW_IDEA_EVENT_STORMING_URL);

    if (url && *url)
      {
        paragraph_full (self, _("Event Storming:"), FALSE, BODY, TRUE, NULL, 0, 2, NULL);
        paragraph_full (self, url, FALSE, BODY, FALSE, &self->style.holds, 8, 4, url);
      }
  }
  case_ids = fw_idea_get_case_ids (idea);
  if (case_ids && case_ids[0])
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint c = 0; case_ids[c]; c++)
        {
          const char *name = g_hash_table_lookup (case_names, case_ids[c]);

          if (name == NULL)
            continue;
          if (names->len)
            g_string_append (names, ", ");
          g_string_append (names, name);
        }
      labelled (self, _("Follows the cases:"), names->str);
    }
}

/* The deck's PROBLEM / SOLUTION / IMPACT of each case that has them: too long for a
 * table cell, so under the table, one case after another. */
static void
case_facts (FwReport   *self,
            GListModel *cases)
{
  static const FwCaseText facts[] = { FW_CASE_PROBLEM, FW_CASE_SOLUTION, FW_CASE_IMPACT };
  gboolean any = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(FwCase) item = g_list_model_get_item (cases, i);
      g_autofree char *title = NULL;
      gboolean has = FALSE;

      for (guint f = 0; f < G_N_ELEMENTS (facts); f++)
        has |= *fw_case_get_text (item, facts[f]) != '\0';
      if (!has)
        continue;
      if (!any)
        heading (self, _("Problem, solution and impact"), H2);
      any = TRUE;
      title = g_strdup_printf ("%u. %s", i + 1, fw_case_get_name (item));
      heading (self, title, H3);
      for (guint f = 0; f < G_N_ELEMENTS (facts); f++)
        {
          /* TRANSLATORS: a label before its text, e.g. "Problem:". */
          g_autofree char *label = g_strdup_printf (_("%s:"), fw_case_text_label (facts[f]));

          labelled (self, label, fw_case_get_text (item, facts[f]));
        }
    }
}

static void
cases_section (FwReport   *self,
               FwWorkbook *workbook)
{
  GListModel *cases = fw_workbook_get_cases (workbook);
  guint n = g_list_model_get_n_items (cases);
  char *q[FW_N_STAGES] = { NULL };
  Cell header[8];
  double w = self->cw;

  new_page (self);
  add_bookmark (self, _("Best-practice cases"), 0);
  heading (self, _("Best-practice cases"), H1);
  if (n == 0)
    {
      paragraph (self, _("No cases yet."));
      return;
    }
  for (guint s = 0; s < FW_N_STAGES; s++)
    q[s] = g_strdup (fw_stage_question (s));
  /* The worksheet's column names: "No" is the row number, not the answer. */
  header[0] = (Cell) { C_("worksheet column", "No"), FALSE, FALSE, w * 0.04, NULL, -1 };
  header[1] = (Cell) { C_("worksheet column", "Case"), FALSE, FALSE, w * 0.12, NULL, -1 };
  header[2] = (Cell) { C_("worksheet column", "Summary"), FALSE, FALSE, w * 0.2, NULL, -1 };
  header[3] = (Cell) { C_("worksheet column", "Link"), FALSE, FALSE, w * 0.12, NULL, -1 };
  for (guint s = 0; s < FW_N_STAGES; s++)
    header[4 + s] = (Cell) { q[s], FALSE, FALSE, w * 0.13, NULL, -1 };
  table_begin (self, header, G_N_ELEMENTS (header), TABLE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FwCase) item = g_list_model_get_item (cases, i);
      g_autofree char *no = g_strdup_printf ("%u", i + 1);
      const char *link = fw_case_get_text (item, FW_CASE_LINK);
      Cell cells[8];

      memcpy (cells, header, sizeof cells);
      cells[0].text = no;
      cells[1].text = fw_case_get_name (item);
      cells[1].bold = TRUE;
      cells[2].text = fw_case_get_text (item, FW_CASE_SUMMARY);
      cells[3].text = link;
      cells[3].uri = link && *link ? link : NULL;
      for (guint s = 0; s < FW_N_STAGES; s++)
        cells[4 + s].text = fw_case_get_why (item, s);
      table_row_full (self, cells, G_N_ELEMENTS (cells), TABLE, FALSE);
    }
  table_end (self);
  for (guint s = 0; s < FW_N_STAGES; s++)
    g_free (q[s]);
  case_facts (self, cases);
}

static PangoContext *
report_context (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (map);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted: the same line breaks in the PDF and on any printer. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_context_set_resolution (context, 72);
  return context;
}

FwReport *
fw_report_new (FwWorkbook   *workbook,
               double        page_width,
               double        page_height,
               GDateTime    *date,
               GCancellable *cancellable)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GHashTable) case_names = NULL;
  FwReport *self;
  const char *title;
  guint n;

  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (page_width > 200 && page_height > 200, NULL);

  if (date == NULL)
    date = now = g_date_time_new_now_local ();

  self = g_new0 (FwReport, 1);
  self->messages = fw_i18n_get_thread_language ();
  self->pw = page_width;
  self->ph = page_height;
  self->cw = page_width - 2 * MARGIN_X;
  fw_diagram_style_init (&self->style, FW_DIAGRAM_THEME_LIGHT);
  /* Paper is white, not the window's grey. */
  self->style.background = (FwColor) { 1, 1, 1, 1 };
  self->context = report_context ();
  self->language = pango_language_from_string (fw_i18n_current_language ());
  pango_context_set_language (self->context, self->language);
  self->pages = g_ptr_array_new_with_free_func (page_free);
  self->bookmarks = g_array_new (FALSE, TRUE, sizeof (FwReportBookmark));
  g_array_set_clear_func (self->bookmarks, bookmark_clear);
  self->flywheels = g_ptr_array_new_with_free_func ((GDestroyNotify) fw_flywheel_layout_free);
  self->idea_pages = g_array_new (FALSE, TRUE, sizeof (guint));
  self->portfolio = fw_portfolio_new (workbook);
  title = fw_workbook_get_title (workbook);
  self->title = g_strdup (title && *title ? title : _("Flywheel report"));

  case_names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < fw_workbook_get_n_cases (workbook); i++)
    {
      FwCase *item = fw_workbook_get_case (workbook, i);

      g_hash_table_insert (case_names, (gpointer) fw_case_get_id (item),
                           (gpointer) fw_case_get_name (item));
    }

  cover (self, workbook, date);
  portfolio_section (self);
  n = fw_portfolio_get_n_entries (self->portfolio);
  if (n > 0)
    {
      /* The section's bookmark goes to its first idea's page. */
      add_bookmark_at (self, _("Ideas"), 0, self->pages->len);
    }
  for (guint i = 0; i < n; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        {
          g_ptr_array_set_size (self->pages, 0);
          return self;
        }
      idea_section (self, fw_portfolio_get_entry (self->portfolio, i), case_names);
    }
  cases_section (self, workbook);
  self->page = NULL;
  return self;
}

guint
fw_report_get_n_pages (FwReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

guint
fw_report_get_n_bookmarks (FwReport *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->bookmarks->len;
}

const FwReportBookmark *
fw_report_get_bookmark (FwReport *self,
                        guint     index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->bookmarks->len, NULL);
  return &g_array_index (self->bookmarks, FwReportBookmark, index);
}

/* Cairo's tag attributes quote with single quotes and escape with a backslash. */
static char *
quote_attribute (const char *value)
{
  GString *out = g_string_new (NULL);

  for (const char *p = value; *p; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

static void
draw_lines (FwReport *self,
            cairo_t  *cr,
            const Op *op)
{
  PangoLayoutIter *iter = pango_layout_get_iter (op->layout);
  g_autofree char *link = NULL;

  if (!self->tagged)
    ;
  else if (op->uri)
    {
      g_autofree char *quoted = quote_attribute (op->uri);
      link = g_strdup_printf ("uri='%s'", quoted);
    }
  else if (op->link_idea >= 0 && (guint) op->link_idea < self->idea_pages->len)
    link = g_strdup_printf ("dest='idea-%d'", op->link_idea + 1);
  if (op->dest && self->tagged)
    {
      g_autofree char *name = g_strdup_printf ("name='%s'", op->dest);
      cairo_tag_begin (cr, CAIRO_TAG_DEST, name);
    }
  if (link)
    cairo_tag_begin (cr, CAIRO_TAG_LINK, link);

  fw_color_set_source (&op->color, cr);
  for (int i = 0; i < op->first; i++)
    pango_layout_iter_next_line (iter);
  for (int i = 0; i < op->n; i++)
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cairo_move_to (cr, op->x + (double) logical.x / PANGO_SCALE,
                     op->y + baseline - op->top0);
      pango_cairo_show_layout_line (cr, line);
      if (!pango_layout_iter_next_line (iter))
        break;
    }
  pango_layout_iter_free (iter);

  if (link)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
  if (op->dest && self->tagged)
    cairo_tag_end (cr, CAIRO_TAG_DEST);
}

static void
add_outline (FwReport *self,
             cairo_t  *cr,
             guint     page)
{
  cairo_surface_t *surface = cairo_get_target (cr);

  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_PDF)
    return;
  if (page == 0)
    self->outline_section = CAIRO_PDF_OUTLINE_ROOT;
  for (guint i = 0; i < self->bookmarks->len; i++)
    {
      const FwReportBookmark *bookmark = &g_array_index (self->bookmarks, FwReportBookmark, i);
      g_autofree char *link = NULL;
      int id;

      if (bookmark->page != page)
        continue;
      link = g_strdup_printf ("page=%u pos=[%g %g]", page + 1, 0.0, 0.0);
      id = cairo_pdf_surface_add_outline (surface,
                                          bookmark->level > 0 ? self->outline_section
                                                              : CAIRO_PDF_OUTLINE_ROOT,
                                          bookmark->title, link,
                                          bookmark->level == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      if (bookmark->level == 0)
        self->outline_section = id;
    }
}

void
fw_report_draw_page (FwReport *self,
                     cairo_t  *cr,
                     guint     page)
{
  g_autoptr(FwI18nScope) scope = NULL;
  Page *p;
  g_autoptr(PangoLayout) footer = NULL;
  g_autofree char *text = NULL;
  int fw, fh;

  g_return_if_fail (self != NULL);
  g_return_if_fail (page < self->pages->len);

  /* The footer and the chart's labels in the report's language, on any thread. */
  scope = fw_i18n_scope_push (self->messages);
  p = g_ptr_array_index (self->pages, page);
  cairo_save (cr);
  add_outline (self, cr, page);

  for (guint i = 0; i < p->ops->len; i++)
    {
      const Op *op = g_ptr_array_index (p->ops, i);

      switch (op->kind)
        {
        case OP_LINES:
          draw_lines (self, cr, op);
          break;
        case OP_RECT:
          fw_color_set_source (&op->color, cr);
          cairo_rectangle (cr, op->x, op->y, op->w, op->h);
          cairo_fill (cr);
          break;
        case OP_HLINE:
          fw_color_set_source (&op->color, cr);
          cairo_set_line_width (cr, 0.5);
          cairo_move_to (cr, op->x, op->y);
          cairo_line_to (cr, op->x + op->w, op->y);
          cairo_stroke (cr);
          break;
        case OP_DOT:
          fw_color_set_source (&op->color, cr);
          cairo_arc (cr, op->x, op->y, op->w, 0, 2 * G_PI);
          cairo_fill (cr);
          break;
        case OP_FLYWHEEL:
          cairo_save (cr);
          cairo_translate (cr, op->x, op->y);
          cairo_rectangle (cr, 0, 0, op->w, op->h);
          cairo_clip (cr);
          fw_flywheel_draw (op->flywheel, cr, -1);
          cairo_restore (cr);
          break;
        case OP_PORTFOLIO:
          cairo_save (cr);
          cairo_translate (cr, op->x, op->y);
          fw_portfolio_draw (self->chart, cr, -1);
          cairo_restore (cr);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* TRANSLATORS: the footer of each page of the report */
  text = g_strdup_printf (_("%s — page %u of %u"), self->title, page + 1, self->pages->len);
  footer = make_layout (self, text, FALSE, SMALL - 0.5, FALSE, self->cw);
  pango_layout_set_ellipsize (footer, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_alignment (footer, PANGO_ALIGN_RIGHT);
  pango_layout_get_size (footer, &fw, &fh);
  fw_color_set_source (&self->style.dim, cr);
  cairo_move_to (cr, MARGIN_X, self->ph - MARGIN_BOT / 2 - (double) fh / PANGO_SCALE / 2);
  pango_cairo_show_layout (cr, footer);

  cairo_restore (cr);
}

/* Writing the PDF. */

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
fw_report_write (FwWorkbook             *workbook,
                 GFile                  *out,
                 const FwReportOptions  *options,
                 GCancellable           *cancellable,
                 FwReportProgress        progress,
                 gpointer                user_data,
                 GError                **error)
{
  g_autoptr(FwI18nScope) scope = NULL;
  g_autoptr(FwReport) report = NULL;
  g_autoptr(GByteArray) data = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *created = NULL;
  g_autofree char *path = NULL;
  FwReportOptions defaults;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  GDateTime *date;
  const char *author, *product;
  double pw, ph;
  guint n;

  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), FALSE);
  g_return_val_if_fail (G_IS_FILE (out), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      fw_report_options_init (&defaults);
      options = &defaults;
    }
  /* This thread only: another may be writing a report in another language. */
  if (options->language)
    scope = fw_i18n_scope_push (options->language);
  date = options->date ? options->date : (now = g_date_time_new_now_local ());
  fw_paper_get_size (options->paper, &pw, &ph);

  if (progress)
    progress (0.0, user_data);
  report = fw_report_new (workbook, pw, ph, date, cancellable);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (progress)
    progress (0.3, user_data);

  data = g_byte_array_new ();
  surface = cairo_pdf_surface_create_for_stream (append_cb, data, pw, ph);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->title);
  author = fw_workbook_get_text (workbook, FW_WORKBOOK_AUTHOR);
  if (author && *author)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  product = fw_workbook_get_text (workbook, FW_WORKBOOK_PRODUCT);
  if (product && *product)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, product);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Flywheel " PACKAGE_VERSION);
  utc = g_date_time_to_utc (date);
  created = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  cr = cairo_create (surface);
  n = fw_report_get_n_pages (report);
  report->tagged = TRUE;
  cairo_tag_begin (cr, "Document", "");
  for (guint i = 0; i < n; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      fw_report_draw_page (report, cr, i);
      cairo_show_page (cr);
      if (progress)
        progress (0.3 + 0.6 * (i + 1) / n, user_data);
    }
  cairo_tag_end (cr, "Document");
  report->tagged = FALSE;
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (!g_cancellable_is_cancelled (cancellable))
    cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the report: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  /* Only now, with every byte made, does the destination change: atomically
   * for a local file, through GIO's replace for any other. */
  path = g_file_get_path (out);
  if (path)
    {
      g_autoptr(GError) local_error = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("Could not write “%s”: it is a folder"), path);
          return FALSE;
        }
      if (!g_file_set_contents_full (path, (const char *) data->data, data->len,
                                     G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"),
                       path, local_error->message);
          return FALSE;
        }
    }
  else if (!g_file_replace_contents (out, (const char *) data->data, data->len, NULL, FALSE,
                                     G_FILE_CREATE_NONE, NULL, cancellable, error))
    return FALSE;

  if (progress)
    progress (1.0, user_data);
  return TRUE;
}

/* Slides. */

/* Reasons on a slide: at most this many, unless more stages that are not
 * simply "holds" each need theirs (fw_assessment_pick_reasons()). */
#define SLIDE_REASONS 5

typedef struct
{
  FwFlywheelInput  *input;
  FwVerdict         verdict;
  int               score;
  int               priority;
  GPtrArray        *reasons;   /* char*: the top reasons */
} Slide;

struct _FwSlides
{
  FwDiagramStyle      style;
  FwPortfolio        *portfolio;
  GArray             *slides;   /* Slide */
  char               *title;
  /* The last layouts, kept while the size stays. */
  FwFlywheelLayout   *flywheel;
  int                 flywheel_index;
  FwPortfolioLayout  *chart;
  double              w, h;
  const char         *messages;   /* the thread's language when made; interned */
};

static void
slide_clear (gpointer data)
{
  Slide *slide = data;

  g_clear_pointer (&slide->input, fw_flywheel_input_free);
  g_clear_pointer (&slide->reasons, g_ptr_array_unref);
}

FwSlides *
fw_slides_new (FwWorkbook           *workbook,
               const FwDiagramStyle *style)
{
  FwSlides *self;
  const char *title;
  guint n;

  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), NULL);
  g_return_val_if_fail (style != NULL, NULL);

  self = g_new0 (FwSlides, 1);
  self->style = *style;
  self->messages = fw_i18n_get_thread_language ();
  self->portfolio = fw_portfolio_new (workbook);
  self->slides = g_array_new (FALSE, TRUE, sizeof (Slide));
  g_array_set_clear_func (self->slides, slide_clear);
  self->flywheel_index = -1;
  title = fw_workbook_get_title (workbook);
  self->title = g_strdup (title && *title ? title : _("Flywheel report"));

  n = fw_portfolio_get_n_entries (self->portfolio);
  for (guint i = 0; i < n; i++)
    {
      const FwPortfolioEntry *entry = fw_portfolio_get_entry (self->portfolio, i);
      g_autoptr(FwAssessment) assessment = fw_assessment_new (entry->idea);
      Slide slide = { 0 };

      slide.input = fw_flywheel_input_new_for_idea (entry->idea);
      slide.verdict = entry->verdict;
      slide.score = entry->score;
      slide.priority = entry->priority;
      g_autoptr(GPtrArray) picked = fw_assessment_pick_reasons (assessment, SLIDE_REASONS);

      slide.reasons = g_ptr_array_new_with_free_func (g_free);
      for (guint r = 0; r < picked->len; r++)
        g_ptr_array_add (slide.reasons,
                         g_strdup (((const FwReason *) picked->pdata[r])->text));
      g_array_append_val (self->slides, slide);
    }
  return self;
}

void
fw_slides_free (FwSlides *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->flywheel, fw_flywheel_layout_free);
  g_clear_pointer (&self->chart, fw_portfolio_layout_free);
  g_clear_pointer (&self->portfolio, fw_portfolio_free);
  g_clear_pointer (&self->slides, g_array_unref);
  g_free (self->title);
  g_free (self);
}

guint
fw_slides_get_n_slides (FwSlides *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->slides->len + 1;
}

static PangoLayout *
slide_text (cairo_t              *cr,
            const FwDiagramStyle *style,
            const char           *text,
            double                size,
            gboolean              bold,
            double                width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (fw_diagram_style_get_family (style, NULL));

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* Draws @text at @y and returns the y below it; nothing below @limit. */
static double
slide_paragraph (cairo_t              *cr,
                 const FwDiagramStyle *style,
                 const FwColor        *color,
                 const char           *text,
                 double                size,
                 gboolean              bold,
                 double                x,
                 double                y,
                 double                width,
                 double                limit)
{
  g_autoptr(PangoLayout) layout = slide_text (cr, style, text, size, bold, width);
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  if (y + (double) h / PANGO_SCALE > limit)
    {
      /* Shorten rather than run off the slide: the report has it in full. */
      pango_layout_set_height (layout, (int) ((limit - y) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_get_size (layout, &w, &h);
      if (y + (double) h / PANGO_SCALE > limit)
        return y;
    }
  fw_color_set_source (color, cr);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return y + (double) h / PANGO_SCALE;
}

void
fw_slides_draw (FwSlides *self,
                cairo_t  *cr,
                guint     index,
                double    width,
                double    height)
{
  g_autoptr(FwI18nScope) scope = NULL;
  const FwDiagramStyle *style;
  double em, pad;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < fw_slides_get_n_slides (self));

  scope = fw_i18n_scope_push (self->messages);
  style = &self->style;
  if (width != self->w || height != self->h)
    {
      g_clear_pointer (&self->flywheel, fw_flywheel_layout_free);
      g_clear_pointer (&self->chart, fw_portfolio_layout_free);
      self->w = width;
      self->h = height;
    }
  em = MAX (12.0, MIN (width, height) / 30.0);
  pad = em * 1.5;

  cairo_save (cr);
  fw_color_set_source (&style->background, cr);
  cairo_paint (cr);

  if (index < self->slides->len)
    {
      const Slide *slide = &g_array_index (self->slides, Slide, index);
      double side = width * 0.36, fw_w = width - side - pad * 2, fw_h = height - pad * 2;
      double x = width - side - pad / 2, y = pad;
      /* TRANSLATORS: on a slide, above the verdict; the diagram shows the title */
      g_autofree char *title = g_strdup_printf (_("Rank %u of %u"), index + 1,
                                                self->slides->len);
      g_autofree char *score = NULL;
      g_autofree char *priority = NULL;
      g_autofree char *poc = NULL;
      double reason_size;

      if (self->flywheel_index != (int) index || self->flywheel == NULL)
        {
          g_clear_pointer (&self->flywheel, fw_flywheel_layout_free);
          self->flywheel = fw_flywheel_layout_new (slide->input, fw_w, fw_h, style, NULL);
          self->flywheel_index = index;
        }
      cairo_save (cr);
      cairo_translate (cr, pad, pad);
      fw_flywheel_draw (self->flywheel, cr, -1);
      cairo_restore (cr);

      y = slide_paragraph (cr, style, &style->dim, title, em, FALSE, x, y, side,
                           height - pad) + em * 0.3;
      y = slide_paragraph (cr, style, fw_portfolio_verdict_color (style, slide->verdict),
                           fw_verdict_label (slide->verdict), em * 1.6, TRUE, x, y, side,
                           height - pad) + em * 0.2;
      score = g_strdup_printf (_("Flywheel score %d"), slide->score);
      y = slide_paragraph (cr, style, &style->dim, score, em, FALSE, x, y, side, height - pad);
      poc = fw_format_poc_priority (slide->priority);
      /* TRANSLATORS: on a slide, e.g. "PoC priority 7 of 9" or "PoC priority not rated yet" */
      priority = g_strdup_printf (_("PoC priority %s"), poc);
      y = slide_paragraph (cr, style, &style->dim, priority, em, FALSE, x, y, side,
                           height - pad) + em;
      /* More stages to tell about than usual: smaller, so the last still fits. */
      reason_size = slide->reasons->len > SLIDE_REASONS ? em * 0.7 : em * 0.85;
      for (guint r = 0; r < slide->reasons->len; r++)
        {
          g_autofree char *line = g_strdup_printf ("• %s", (char *) slide->reasons->pdata[r]);

          y = slide_paragraph (cr, style, &style->foreground, line, reason_size, FALSE, x, y,
                               side, height - pad) + reason_size * 0.45;
        }
    }
  else
    {
      double y = slide_paragraph (cr, style, &style->foreground, _("Portfolio"), em * 1.4, TRUE,
                                  pad, pad, width - 2 * pad, height) + em * 0.5;

      if (self->chart == NULL)
        self->chart = fw_portfolio_layout_new (self->portfolio, width - 2 * pad,
                                               height - y - pad, style, NULL);
      cairo_translate (cr, pad, y);
      fw_portfolio_draw (self->chart, cr, -1);
    }
  cairo_restore (cr);
}
