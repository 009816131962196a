/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-fonts.h"
#include "fw-portfolio.h"
#include "fw-report.h"
#include "fw-report-private.h"

static void
op_free (gpointer data)
{
  Op *op = data;

  g_clear_object (&op->layout);
  g_free (op->uri);
  g_free (op->dest);
  g_free (op);
}

void
report_page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->ops);
  g_free (page);
}

void
report_bookmark_clear (gpointer data)
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

Op *
report_add_op (FwReport *self,
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

void
report_new_page (FwReport *self)
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
void
report_ensure (FwReport *self,
               double    height)
{
  if (self->y + height > bottom (self) && self->y > MARGIN_TOP + 0.5)
    report_new_page (self);
}

void
report_add_bookmark_at (FwReport   *self,
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

void
report_add_bookmark (FwReport   *self,
                     const char *title,
                     int         level)
{
  report_add_bookmark_at (self, title, level, self->pages->len - 1);
}

PangoLayout *
report_make_layout (FwReport   *self,
                    const char *text,
                    gboolean    markup,
                    double      size,
                    gboolean    bold,
                    double      width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  const char *family = fw_diagram_style_get_family (&self->style,
                                                    pango_language_to_string (self->language));
  PangoAttrList *attrs = pango_attr_list_new ();

  fw_fonts_set_layout_font (layout, family, size, bold);
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
  Op *op = report_add_op (self, OP_LINES);

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
void
report_paragraph_full (FwReport      *self,
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

  layout = report_make_layout (self, text, markup, size, bold, self->cw - indent);
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
              report_new_page (self);
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
        report_new_page (self);
    }
  self->y += space_after;
}

void
report_paragraph (FwReport   *self,
                  const char *text)
{
  report_paragraph_full (self, text, FALSE, BODY, FALSE, NULL, 0, BODY * 0.5, NULL);
}

static void
markup_paragraph (FwReport   *self,
                  const char *markup)
{
  report_paragraph_full (self, markup, TRUE, BODY, FALSE, NULL, 0, BODY * 0.4, NULL);
}

/* "<b>Label</b> text", escaped. */
void
report_labelled (FwReport   *self,
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
         gboolean    markup,
         double      size)
{
  /* Keep a heading with at least two lines of what follows. */
  report_ensure (self, size * 1.6 + BODY * 3);
  if (self->y > MARGIN_TOP + 0.5)
    self->y += size * 0.6;
  report_paragraph_full (self, text, markup, size, TRUE, NULL, 0, size * 0.4, NULL);
}

void
report_heading (FwReport   *self,
                const char *text,
                double      size)
{
  heading (self, text, FALSE, size);
}

void
report_heading_markup (FwReport   *self,
                       const char *markup,
                       double      size)
{
  heading (self, markup, TRUE, size);
}

void
report_rule (FwReport *self)
{
  Op *op = report_add_op (self, OP_HLINE);

  op->x = MARGIN_X;
  op->y = self->y;
  op->w = self->cw;
  op->color = self->style.border;
  self->y += 4;
}

/* Whether a line of @layout begins inside a word: Pango broke it at a character
 * because the word is wider than the layout (no hyphen is drawn there). A break
 * between two Japanese characters is a line-break opportunity, not this. */
static gboolean
breaks_inside_word (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);
  const PangoLogAttr *attrs;
  int n_attrs;

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  for (GSList *l = pango_layout_get_lines_readonly (layout); l; l = l->next)
    {
      PangoLayoutLine *line = l->data;
      glong offset;

      if (line->start_index == 0)
        continue;
      offset = g_utf8_pointer_to_offset (text, text + line->start_index);
      if (offset < n_attrs && !attrs[offset].is_line_break)
        return TRUE;
    }
  return FALSE;
}

/* A cell's text, set a little smaller (down to 70%) where a word would not fit
 * its column and break in the middle: "recommendati / on". A link may break
 * anywhere. */
static PangoLayout *
make_cell_layout (FwReport   *self,
                  const Cell *cell,
                  const char *text,
                  double      size,
                  gboolean    is_header)
{
  double width = cell->width - 2 * CELL_PAD;
  PangoLayout *layout = report_make_layout (self, text, cell->markup, size,
                                            cell->bold || is_header, width);

  for (double scale = 0.9; cell->uri == NULL && scale > 0.65 && breaks_inside_word (layout);
       scale -= 0.1)
    {
      g_object_unref (layout);
      layout = report_make_layout (self, text, cell->markup, size * scale,
                                   cell->bold || is_header, width);
    }
  return layout;
}

/* Tables: every cell flows line by line, so a row taller than what is left
 * of the page continues on the next one under a repeated header. */

double
report_table_row_full (FwReport   *self,
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

      layouts[c] = make_cell_layout (self, &cells[c], text, size, is_header);
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
              report_new_page (self);
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
        Op *line = report_add_op (self, OP_HLINE);

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
        report_new_page (self);
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
  Op *band = report_add_op (self, OP_RECT);

  band->x = MARGIN_X;
  band->y = self->y;
  band->w = self->cw;
  band->color = self->style.border;
  band->color.alpha *= 0.5;
  band->h = report_table_row_full (self, self->header, self->n_header, self->header_size, TRUE);
}

void
report_table_begin (FwReport   *self,
                    const Cell *header,
                    guint       n,
                    double      size)
{
  report_ensure (self, size * 8);
  self->header = header;
  self->n_header = n;
  self->header_size = size;
  table_header (self);
}

void
report_table_end (FwReport *self)
{
  self->header = NULL;
  self->y += BODY;
}
