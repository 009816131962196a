/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include "fw-gettext.h"
#include <math.h>
#include <string.h>

#include "fw-assessment.h"
#include "fw-fonts.h"
#include "fw-portfolio.h"
#include "fw-team.h"
#include "fw-text.h"

struct _FwPortfolio
{
  GArray *entries;  /* FwPortfolioEntry, ranked */
};

static void
entry_clear (gpointer data)
{
  FwPortfolioEntry *entry = data;

  g_clear_object (&entry->idea);
  g_clear_pointer (&entry->title, g_free);
}

int
fw_portfolio_entry_compare (const FwPortfolioEntry *a,
                            const FwPortfolioEntry *b)
{
  int cmp;

  /* Unrated (0) after every rated priority. */
  if ((a->priority == 0) != (b->priority == 0))
    return a->priority == 0 ? 1 : -1;
  if (a->priority != b->priority)
    return b->priority - a->priority;
  if (a->score != b->score)
    return b->score - a->score;
  {
    /* Case-insensitive, whatever the locale's collation. */
    g_autofree char *fa = g_utf8_casefold (a->title, -1);
    g_autofree char *fb = g_utf8_casefold (b->title, -1);

    cmp = g_utf8_collate (fa, fb);
    if (cmp == 0)
      cmp = strcmp (fa, fb);
    if (cmp != 0)
      return cmp;
  }
  /* Same title: keep the file order, so the ranking is total and stable. */
  return a->position < b->position ? -1 : a->position > b->position;
}

static int
entry_compare_cb (gconstpointer a,
                  gconstpointer b)
{
  return fw_portfolio_entry_compare (a, b);
}

FwPortfolio *
fw_portfolio_new (FwWorkbook *workbook)
{
  FwPortfolio *self;
  guint n;

  g_return_val_if_fail (FW_IS_WORKBOOK (workbook), NULL);

  self = g_new0 (FwPortfolio, 1);
  self->entries = g_array_new (FALSE, TRUE, sizeof (FwPortfolioEntry));
  g_array_set_clear_func (self->entries, entry_clear);

  n = fw_workbook_get_n_ideas (workbook);
  for (guint i = 0; i < n; i++)
    {
      FwIdea *idea = fw_workbook_get_idea (workbook, i);
      g_autoptr(FwAssessment) assessment = fw_assessment_new (idea);
      FwPortfolioEntry entry = { 0 };

      entry.idea = g_object_ref (idea);
      entry.title = fw_idea_dup_display_title (idea);
      entry.verdict = fw_assessment_get_verdict (assessment);
      entry.score = fw_assessment_get_score (assessment);
      entry.priority = fw_assessment_get_poc_priority (assessment);
      entry.position = i;
      entry.decision = fw_idea_get_decision (idea);
      entry.agreement = fw_team_shown (idea) ? fw_team_agreement (idea) : -1;
      g_array_append_val (self->entries, entry);
    }
  g_array_sort (self->entries, entry_compare_cb);
  for (guint i = 0; i < self->entries->len; i++)
    g_array_index (self->entries, FwPortfolioEntry, i).rank = i + 1;
  return self;
}

gboolean
fw_portfolio_entry_is_low_agreement (const FwPortfolioEntry *entry)
{
  g_return_val_if_fail (entry != NULL, FALSE);
  return entry->agreement >= 0 && entry->agreement < FW_PORTFOLIO_LOW_AGREEMENT;
}

char *
fw_portfolio_entry_describe_team (const FwPortfolioEntry *entry)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_return_val_if_fail (entry != NULL, NULL);

  if (entry->agreement >= 0)
    g_string_append_printf (line, _("Team agreement %d / 100"), entry->agreement);
  if (entry->decision != FW_DECISION_NONE)
    g_string_append_printf (line, "%s%s", line->len ? " · " : "",
                            fw_decision_label (entry->decision));
  if (line->len == 0)
    return NULL;
  return g_string_free (g_steal_pointer (&line), FALSE);
}

char *
fw_portfolio_format_decision (FwIdea *idea)
{
  FwDecision decision;
  g_autofree char *label = NULL;
  g_autofree char *rationale = NULL;

  g_return_val_if_fail (FW_IS_IDEA (idea), NULL);

  decision = fw_idea_get_decision (idea);
  if (decision == FW_DECISION_NONE)
    return NULL;
  label = fw_text_in_sentence (fw_decision_label (decision));
  rationale = fw_text_dup_stripped (fw_idea_get_decision_rationale (idea));
  if (*rationale == '\0')
    /* TRANSLATORS: the team's decision on an idea, e.g. "Decision: adopt for a PoC" */
    return g_strdup_printf (_("Decision: %s"), label);
  /* TRANSLATORS: the team's decision and why, e.g. "Decision: park — no data yet" */
  return g_strdup_printf (_("Decision: %s — %s"), label, rationale);
}

void
fw_portfolio_free (FwPortfolio *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->entries);
  g_free (self);
}

guint
fw_portfolio_get_n_entries (const FwPortfolio *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entries->len;
}

const FwPortfolioEntry *
fw_portfolio_get_entry (const FwPortfolio *self,
                        guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);
  return &g_array_index (self->entries, FwPortfolioEntry, index);
}

const FwColor *
fw_portfolio_verdict_color (const FwDiagramStyle *style,
                            FwVerdict             verdict)
{
  g_return_val_if_fail (style != NULL, NULL);

  switch (verdict)
    {
    case FW_VERDICT_WINNING:
      return &style->strong;
    case FW_VERDICT_PROMISING:
      return &style->holds;
    case FW_VERDICT_LOSING:
      return &style->broken;
    case FW_VERDICT_INCOMPLETE:
    case FW_N_VERDICTS:
    default:
      return &style->neutral;
    }
}

/* Layout */

typedef struct
{
  PangoLayout *layout;
  double       x, y;
  gboolean     dim;
  gboolean     vertical;  /* the y axis' title, read bottom to top */
} Text;

typedef struct
{
  double              x, y, r;
  FwVerdict           verdict;
  gboolean            low_agreement;  /* ringed: the team disagrees on it */
  PangoLayout        *label;   /* the one shown, or NULL */
  gboolean            full;
  cairo_rectangle_t   rect;
  gboolean            leader;
  double              lx0, ly0, lx1, ly1;
} Bubble;

typedef struct
{
  double       x, y;
  FwVerdict    verdict;
  gboolean     ring;      /* the low agreement's ring, not a verdict's dot */
} LegendDot;

struct _FwPortfolioLayout
{
  double             width, height;
  FwDiagramStyle     style;
  double             em;
  cairo_rectangle_t  plot;
  GArray            *grid_x;     /* double: vertical grid lines */
  GArray            *grid_y;     /* double: horizontal ones */
  GArray            *texts;      /* Text */
  GArray            *bubbles;    /* Bubble, one per entry */
  GArray            *legend;     /* LegendDot */
  double             legend_r;
};

static void
text_clear (gpointer data)
{
  Text *text = data;

  g_clear_object (&text->layout);
}

static void
bubble_clear (gpointer data)
{
  Bubble *bubble = data;

  g_clear_object (&bubble->label);
}

void
fw_portfolio_layout_free (FwPortfolioLayout *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->grid_x);
  g_array_unref (self->grid_y);
  g_array_unref (self->texts);
  g_array_unref (self->bubbles);
  g_array_unref (self->legend);
  g_free (self);
}

static PangoContext *
default_context (void)
{
  /* Unhinted metrics, as the flywheel: the same breaks on screen and paper. */
  return fw_fonts_new_unhinted_context (CAIRO_ANTIALIAS_DEFAULT);
}

static PangoLayout *
make_text (PangoContext         *context,
           const FwDiagramStyle *style,
           const char           *text,
           double                size,
           gboolean              bold,
           double                max_width)
{
  PangoLayout *layout = pango_layout_new (context);

  fw_fonts_set_layout_font (layout, fw_diagram_style_get_family (style, NULL), size, bold);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* A bubble's label: the whole title, wrapped at @max_width (0: one line). NULL
 * when it would take more than @max_lines lines: better a shorter form than a
 * title cut short. */
static PangoLayout *
make_label (PangoContext         *context,
            const FwDiagramStyle *style,
            const char           *text,
            double                size,
            double                max_width,
            int                   max_lines)
{
  PangoLayout *layout = make_text (context, style, text, size, FALSE, 0);

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  if (pango_layout_get_line_count (layout) > max_lines)
    g_clear_object (&layout);
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *w,
           double      *h)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *w = (double) logical.width / PANGO_SCALE;
  *h = (double) logical.height / PANGO_SCALE;
}

static void
add_text (FwPortfolioLayout *self,
          PangoLayout       *layout,
          double             x,
          double             y,
          gboolean           dim,
          gboolean           vertical)
{
  Text text = { layout, x, y, dim, vertical };

  g_array_append_val (self->texts, text);
}

static gboolean
rects_overlap (const cairo_rectangle_t *a,
               const cairo_rectangle_t *b,
               double                   pad)
{
  return a->x < b->x + b->width + pad && b->x < a->x + a->width + pad &&
         a->y < b->y + b->height + pad && b->y < a->y + a->height + pad;
}

static gboolean
rect_inside (const cairo_rectangle_t *inner,
             const cairo_rectangle_t *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->width <= outer->x + outer->width &&
         inner->y + inner->height <= outer->y + outer->height;
}

static double
rect_distance (const cairo_rectangle_t *rect,
               double                   x,
               double                   y,
               double                  *nx,
               double                  *ny)
{
  double cx = CLAMP (x, rect->x, rect->x + rect->width);
  double cy = CLAMP (y, rect->y, rect->y + rect->height);

  if (nx)
    *nx = cx;
  if (ny)
    *ny = cy;
  return hypot (x - cx, y - cy);
}

/* How far a bubble reaches, its ring included. */
static double
ring_radius (const Bubble *bubble)
{
  return bubble->low_agreement ? bubble->r + MAX (3.0, bubble->r * 0.65) : bubble->r;
}

/* TRUE when @rect is free: inside the plot, off every placed label and bubble. */
static gboolean
label_fits (FwPortfolioLayout       *self,
            const cairo_rectangle_t *rect,
            guint                    n_placed)
{
  double pad = MAX (1.0, self->em * 0.12);

  if (!rect_inside (rect, &self->plot))
    return FALSE;
  for (guint i = 0; i < self->bubbles->len; i++)
    {
      Bubble *other = &g_array_index (self->bubbles, Bubble, i);

      if (rect_distance (rect, other->x, other->y, NULL, NULL) < ring_radius (other) + pad)
        return FALSE;
      if (i < n_placed && other->label != NULL && rects_overlap (rect, &other->rect, pad))
        return FALSE;
    }
  return TRUE;
}

/* TRUE when a bubble reaching @r (its ring included) at @x, @y overlaps none placed
 * so far, rings included. */
static gboolean
bubble_is_clear (FwPortfolioLayout *self,
                 double             x,
                 double             y,
                 double             r)
{
  for (guint j = 0; j < self->bubbles->len; j++)
    {
      const Bubble *other = &g_array_index (self->bubbles, Bubble, j);

      if (hypot (other->x - x, other->y - y) < r + ring_radius (other) + other->r * 0.05)
        return FALSE;
    }
  return TRUE;
}

static gboolean
place_label (FwPortfolioLayout *self,
             guint              index,
             PangoLayout       *label)
{
  static const double dirs[][2] = {
    { 1, 0 }, { -1, 0 }, { 0, -1 }, { 0, 1 },
    { 0.707, -0.707 }, { -0.707, -0.707 }, { 0.707, 0.707 }, { -0.707, 0.707 },
  };
  Bubble *bubble = &g_array_index (self->bubbles, Bubble, index);
  double w, h;

  text_size (label, &w, &h);
  for (guint ring = 0; ring < 5; ring++)
    {
      double gap = self->em * 0.2 + ring * h * 1.1;
      double d = ring_radius (bubble) + gap;

      for (guint k = 0; k < G_N_ELEMENTS (dirs); k++)
        {
          double dx = dirs[k][0], dy = dirs[k][1];
          cairo_rectangle_t rect;

          /* Anchor the label's nearest side or corner on the ring. */
          rect.width = w;
          rect.height = h;
          rect.x = bubble->x + dx * d - (dx > 0.1 ? 0 : dx < -0.1 ? w : w / 2);
          rect.y = bubble->y + dy * d - (dy > 0.1 ? 0 : dy < -0.1 ? h : h / 2);
          if (!label_fits (self, &rect, index))
            continue;

          bubble->label = g_object_ref (label);
          bubble->rect = rect;
          bubble->leader = ring > 0;
          if (bubble->leader)
            {
              double nx, ny, dist = rect_distance (&rect, bubble->x, bubble->y, &nx, &ny);

              bubble->lx0 = bubble->x + (nx - bubble->x) * bubble->r / MAX (dist, 0.001);
              bubble->ly0 = bubble->y + (ny - bubble->y) * bubble->r / MAX (dist, 0.001);
              bubble->lx1 = nx;
              bubble->ly1 = ny;
            }
          return TRUE;
        }
    }
  return FALSE;
}

FwPortfolioLayout *
fw_portfolio_layout_new (const FwPortfolio    *portfolio,
                         double                width,
                         double                height,
                         const FwDiagramStyle *style,
                         PangoContext         *context)
{
  g_autoptr(GObject) own_context = NULL;
  FwPortfolioLayout *self;
  guint n;
  gboolean any_unrated = FALSE;
  double em, small, tick_w = 0, tick_h = 0, y_lo, y_hi, row_h, r;
  double legend_h = 0, title_w, title_h;
  PangoLayout *layout;

  g_return_val_if_fail (portfolio != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (context == NULL)
    {
      context = default_context ();
      own_context = G_OBJECT (context);
    }

  self = g_new0 (FwPortfolioLayout, 1);
  self->width = MAX (width, 64);
  self->height = MAX (height, 64);
  self->style = *style;
  self->grid_x = g_array_new (FALSE, FALSE, sizeof (double));
  self->grid_y = g_array_new (FALSE, FALSE, sizeof (double));
  self->texts = g_array_new (FALSE, TRUE, sizeof (Text));
  g_array_set_clear_func (self->texts, text_clear);
  self->bubbles = g_array_new (FALSE, TRUE, sizeof (Bubble));
  g_array_set_clear_func (self->bubbles, bubble_clear);
  self->legend = g_array_new (FALSE, FALSE, sizeof (LegendDot));

  em = self->em = fw_diagram_style_font_size (style, self->width, self->height) * 0.9;
  small = em * 0.85;
  n = fw_portfolio_get_n_entries (portfolio);
  for (guint i = 0; i < n; i++)
    any_unrated |= fw_portfolio_get_entry (portfolio, i)->priority == 0;

  /* The y axis runs from the lowest row (unrated, when any) to 9. */
  y_lo = any_unrated ? 2 : 3;
  y_hi = 9;

  /* Measure the axis texts first: they decide the plot's margins. */
  for (int p = (int) y_lo; p <= (int) y_hi; p++)
    {
      g_autofree char *label = p >= 3 ? g_strdup_printf ("%d", p) : g_strdup (_("Unrated"));
      double w, h;

      layout = make_text (context, style, label, small, FALSE, 0);
      text_size (layout, &w, &h);
      tick_w = MAX (tick_w, w);
      tick_h = MAX (tick_h, h);
      g_object_unref (layout);
    }

  /* The legend, in the order the verdicts rank in a discussion, on as many rows
   * as the width needs (a phone-sized chart has room for two a row). */
  if (style->show_legend)
    {
      static const FwVerdict order[] = {
        FW_VERDICT_WINNING, FW_VERDICT_PROMISING, FW_VERDICT_LOSING, FW_VERDICT_INCOMPLETE,
      };
      double left = em * 0.6, x = left, y = em * 0.6 + em * 0.7, row = em * 1.2;

      self->legend_r = small * 0.4;
      for (guint i = 0; i < G_N_ELEMENTS (order); i++)
        {
          LegendDot dot;
          double w, h, item_w;

          layout = make_text (context, style, fw_verdict_label (order[i]), small, FALSE, 0);
          text_size (layout, &w, &h);
          item_w = self->legend_r * 2 + em * 0.3 + w;
          if (x > left && x + item_w > self->width - em * 0.6)
            {
              x = left;
              y += row;
            }
          dot = (LegendDot) { x + self->legend_r, y, order[i], FALSE };
          g_array_append_val (self->legend, dot);
          add_text (self, layout, x + self->legend_r * 2 + em * 0.3, y - h / 2, FALSE, FALSE);
          x += item_w + em * 1.2;
        }
      /* The ring only when some idea wears it: a chart without a team round stays
       * as it was. */
      for (guint i = 0; i < n; i++)
        {
          const FwPortfolioEntry *entry = fw_portfolio_get_entry (portfolio, i);
          LegendDot dot;
          double w, h, item_w;

          if (!fw_portfolio_entry_is_low_agreement (entry))
            continue;
          /* TRANSLATORS: the portfolio chart's legend for the ring round a bubble */
          layout = make_text (context, style, _("Low team agreement"), small, FALSE, 0);
          text_size (layout, &w, &h);
          item_w = self->legend_r * 2 + em * 0.3 + w;
          if (x > left && x + item_w > self->width - em * 0.6)
            {
              x = left;
              y += row;
            }
          dot = (LegendDot) { x + self->legend_r, y, FW_VERDICT_INCOMPLETE, TRUE };
          g_array_append_val (self->legend, dot);
          add_text (self, layout, x + self->legend_r * 2 + em * 0.3, y - h / 2, FALSE, FALSE);
          break;
        }
      legend_h = y - (em * 0.6 + em * 0.7) + em * 2.0;
    }

  {
    PangoLayout *y_title = make_text (context, style, _("PoC priority"), em, TRUE, 0);
    PangoLayout *x_title = make_text (context, style, _("Flywheel score"), em, TRUE, 0);
    double yw, yh, xw, xh;

    text_size (y_title, &yw, &yh);
    text_size (x_title, &xw, &xh);
    title_w = xw;
    title_h = xh;
    self->plot.x = em * 0.6 + yh + em * 0.5 + tick_w + em * 0.5;
    self->plot.y = em * 0.6 + legend_h;
    self->plot.width = self->width - self->plot.x - em * 1.2;
    self->plot.height = self->height - self->plot.y - (em * 0.4 + tick_h + em * 0.3 + xh +
                                                       em * 0.5);
    if (self->plot.width < em * 4)
      self->plot.width = em * 4;
    if (self->plot.height < em * 4)
      self->plot.height = em * 4;

    add_text (self, y_title, em * 0.6,
              self->plot.y + self->plot.height / 2 + yw / 2, FALSE, TRUE);
    add_text (self, x_title, self->plot.x + (self->plot.width - title_w) / 2,
              self->height - em * 0.5 - title_h, FALSE, FALSE);
  }

  /* Ticks and grid. Half a row of room above 9 and below the lowest row. */
  row_h = self->plot.height / (y_hi - y_lo + 1);
  for (int p = (int) y_lo; p <= (int) y_hi; p++)
    {
      g_autofree char *label = p >= 3 ? g_strdup_printf ("%d", p) : g_strdup (_("Unrated"));
      double y = self->plot.y + (y_hi - p + 0.5) * row_h, w, h;

      g_array_append_val (self->grid_y, y);
      layout = make_text (context, style, label, small, FALSE, 0);
      text_size (layout, &w, &h);
      add_text (self, layout, self->plot.x - em * 0.5 - w, y - h / 2, TRUE, FALSE);
    }
  for (int s = 0; s <= 100; s += 25)
    {
      g_autofree char *label = g_strdup_printf ("%d", s);
      double x = self->plot.x + self->plot.width * (s + 4) / 108.0, w, h;

      g_array_append_val (self->grid_x, x);
      layout = make_text (context, style, label, small, FALSE, 0);
      text_size (layout, &w, &h);
      add_text (self, layout, x - w / 2, self->plot.y + self->plot.height + em * 0.4,
                TRUE, FALSE);
    }

  /* Bubbles: a fixed size that shrinks as the chart fills up, then nudged
   * within their priority row so equal scores do not hide one another; when
   * the row has no room (a small chart, the report's), sideways or diagonally
   * instead, so that every idea keeps a bubble of its own to click. */
  r = CLAMP (MIN (self->plot.width, self->plot.height) / (n > 20 ? 45.0 : 30.0), 3.0, em * 1.1);
  for (guint i = 0; i < n; i++)
    {
      const FwPortfolioEntry *entry = fw_portfolio_get_entry (portfolio, i);
      int p = entry->priority >= 3 ? entry->priority : 2;
      Bubble bubble = { 0 };
      double base_x, base_y = self->plot.y + (y_hi - p + 0.5) * row_h;
      double limit = MAX (0.0, row_h / 2 - r * 1.1);
      gboolean placed = FALSE;

      base_x = self->plot.x + self->plot.width * (CLAMP (entry->score, 0, 100) + 4) / 108.0;
      bubble.x = base_x;
      bubble.r = r;
      bubble.verdict = entry->verdict;
      bubble.low_agreement = fw_portfolio_entry_is_low_agreement (entry);
      bubble.y = base_y;
      for (int step = 0; step <= 12 && !placed; step++)
        {
          double dy = ((step + 1) / 2) * r * 1.05 * (step % 2 ? 1 : -1);

          if (fabs (dy) > limit)
            continue;
          if (bubble_is_clear (self, base_x, base_y + dy, ring_radius (&bubble)))
            {
              bubble.y = base_y + dy;
              placed = TRUE;
            }
        }
      for (int ring = 1; ring <= 8 && !placed; ring++)
        {
          static const double dirs[][2] = {
            { 1, 0 }, { -1, 0 }, { 0.6, -0.8 }, { -0.6, -0.8 }, { 0.6, 0.8 }, { -0.6, 0.8 },
          };

          for (guint k = 0; k < G_N_ELEMENTS (dirs) && !placed; k++)
            {
              double x = base_x + dirs[k][0] * ring * r * 2.1;
              double y = base_y + dirs[k][1] * ring * r * 2.1;

              if (x - r < self->plot.x || x + r > self->plot.x + self->plot.width ||
                  y - r < self->plot.y || y + r > self->plot.y + self->plot.height ||
                  !bubble_is_clear (self, x, y, ring_radius (&bubble)))
                continue;
              bubble.x = x;
              bubble.y = y;
              placed = TRUE;
            }
        }
      g_array_append_val (self->bubbles, bubble);
    }

  /* Labels in rank order: the ideas the team will talk about first get the
   * best places. Each gets its whole title, on one line or wrapped onto a few,
   * and only the rank (which the ranked table below explains) when no whole
   * title fits anywhere. */
  for (guint i = 0; i < n; i++)
    {
      const FwPortfolioEntry *entry = fw_portfolio_get_entry (portfolio, i);
      /* The decision, when there is one, is part of the label: it is what the
       * session settled. */
      g_autofree char *full_text = entry->decision != FW_DECISION_NONE
        /* TRANSLATORS: a bubble's label: rank, title and the team's decision */
        ? g_strdup_printf (_("%u. %s · %s"), entry->rank, entry->title,
                           fw_decision_label (entry->decision))
        : g_strdup_printf ("%u. %s", entry->rank, entry->title);
      g_autofree char *short_text = g_strdup_printf ("%u", entry->rank);
      const struct { double width; int lines; } forms[] = {
        { 0, 1 },
        { MIN (self->plot.width * 0.4, em * 12), 3 },
        { MIN (self->plot.width * 0.3, em * 8), 4 },
      };
      g_autoptr(PangoLayout) brief = NULL;
      Bubble *bubble = &g_array_index (self->bubbles, Bubble, i);

      for (guint f = 0; f < G_N_ELEMENTS (forms) && bubble->label == NULL; f++)
        {
          g_autoptr(PangoLayout) full = make_label (context, style, full_text, small,
                                                    forms[f].width, forms[f].lines);
          double w, h;

          if (full == NULL)
            continue;
          /* One line only while it leaves the chart room for the others. */
          text_size (full, &w, &h);
          if (forms[f].width == 0 && w > self->plot.width * 0.45)
            continue;
          if (place_label (self, i, full))
            bubble->full = TRUE;
        }
      if (bubble->label)
        continue;
      brief = make_text (context, style, short_text, small, FALSE, 0);
      if (place_label (self, i, brief))
        bubble->full = FALSE;
    }

  return self;
}

double
fw_portfolio_layout_get_width (const FwPortfolioLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

double
fw_portfolio_layout_get_height (const FwPortfolioLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height;
}

void
fw_portfolio_layout_get_plot (const FwPortfolioLayout *self,
                              cairo_rectangle_t       *rect)
{
  g_return_if_fail (self != NULL);
  *rect = self->plot;
}

void
fw_portfolio_layout_get_bubble (const FwPortfolioLayout *self,
                                guint                    index,
                                double                  *x,
                                double                  *y,
                                double                  *radius)
{
  const Bubble *bubble;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->bubbles->len);

  bubble = &g_array_index (self->bubbles, Bubble, index);
  if (x)
    *x = bubble->x;
  if (y)
    *y = bubble->y;
  if (radius)
    *radius = bubble->r;
}

gboolean
fw_portfolio_layout_get_label (const FwPortfolioLayout *self,
                               guint                    index,
                               cairo_rectangle_t       *rect,
                               gboolean                *full)
{
  const Bubble *bubble;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (index < self->bubbles->len, FALSE);

  bubble = &g_array_index (self->bubbles, Bubble, index);
  if (bubble->label == NULL)
    return FALSE;
  if (rect)
    *rect = bubble->rect;
  /* A title that Pango shortened is not the whole title, whatever placed it. */
  if (full)
    *full = bubble->full && !pango_layout_is_ellipsized (bubble->label);
  return TRUE;
}

int
fw_portfolio_layout_entry_at (const FwPortfolioLayout *self,
                              double                   x,
                              double                   y)
{
  int best = -1;
  double best_d = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, -1);

  /* The nearest bubble under the pointer wins, so overlapping bubbles are
   * each reachable from their own centre. */
  for (guint i = 0; i < self->bubbles->len; i++)
    {
      const Bubble *bubble = &g_array_index (self->bubbles, Bubble, i);
      double d = hypot (x - bubble->x, y - bubble->y);

      if (d <= bubble->r + 2 && d < best_d)
        {
          best = i;
          best_d = d;
        }
    }
  if (best >= 0)
    return best;
  for (guint i = 0; i < self->bubbles->len; i++)
    {
      const Bubble *bubble = &g_array_index (self->bubbles, Bubble, i);

      if (bubble->label && x >= bubble->rect.x && x <= bubble->rect.x + bubble->rect.width &&
          y >= bubble->rect.y && y <= bubble->rect.y + bubble->rect.height)
        return i;
    }
  return -1;
}

/* Dashed, in the broken colour, outside the highlight's ring, so both show and
 * the dashes read in grey print too. */
static void
low_agreement_ring (const FwPortfolioLayout *self,
                    cairo_t                 *cr,
                    double                   x,
                    double                   y,
                    double                   outer)
{
  double width = MAX (1.2, outer * 0.12);
  double dashes[] = { MAX (1.5, outer * 0.22), MAX (1.0, outer * 0.14) };

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, outer - width / 2, 0, 2 * G_PI);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  cairo_set_line_width (cr, width);
  fw_color_set_source (&self->style.broken, cr);
  cairo_stroke (cr);
  cairo_restore (cr);
}

void
fw_portfolio_draw (const FwPortfolioLayout *self,
                   cairo_t                 *cr,
                   int                      highlighted)
{
  const FwDiagramStyle *style;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  style = &self->style;
  cairo_save (cr);

  fw_color_set_source (&style->background, cr);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);

  cairo_rectangle (cr, self->plot.x, self->plot.y, self->plot.width, self->plot.height);
  fw_color_set_source (&style->card, cr);
  cairo_fill_preserve (cr);
  fw_color_set_source (&style->border, cr);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  cairo_set_line_width (cr, MAX (0.5, self->em * 0.06));
  fw_color_set_source (&style->border, cr);
  for (guint i = 0; i < self->grid_x->len; i++)
    {
      double x = g_array_index (self->grid_x, double, i);

      cairo_move_to (cr, x, self->plot.y);
      cairo_line_to (cr, x, self->plot.y + self->plot.height);
    }
  for (guint i = 0; i < self->grid_y->len; i++)
    {
      double y = g_array_index (self->grid_y, double, i);

      cairo_move_to (cr, self->plot.x, y);
      cairo_line_to (cr, self->plot.x + self->plot.width, y);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < self->texts->len; i++)
    {
      const Text *text = &g_array_index (self->texts, Text, i);

      fw_color_set_source (text->dim ? &style->dim : &style->foreground, cr);
      cairo_save (cr);
      cairo_move_to (cr, text->x, text->y);
      if (text->vertical)
        cairo_rotate (cr, -G_PI / 2);
      pango_cairo_show_layout (cr, text->layout);
      cairo_restore (cr);
    }
  /* The texts' move_to points stay in the path: an arc would join the last one. */
  cairo_new_path (cr);

  for (guint i = 0; i < self->legend->len; i++)
    {
      const LegendDot *dot = &g_array_index (self->legend, LegendDot, i);

      if (dot->ring)
        {
          low_agreement_ring (self, cr, dot->x, dot->y, self->legend_r);
          continue;
        }
      cairo_arc (cr, dot->x, dot->y, self->legend_r, 0, 2 * G_PI);
      fw_color_set_source (fw_portfolio_verdict_color (style, dot->verdict), cr);
      cairo_fill (cr);
    }

  /* Leader lines under the bubbles, bubbles under the labels. */
  fw_color_set_source (&style->dim, cr);
  cairo_set_line_width (cr, MAX (0.5, self->em * 0.07));
  for (guint i = 0; i < self->bubbles->len; i++)
    {
      const Bubble *bubble = &g_array_index (self->bubbles, Bubble, i);

      if (bubble->label && bubble->leader)
        {
          cairo_move_to (cr, bubble->lx0, bubble->ly0);
          cairo_line_to (cr, bubble->lx1, bubble->ly1);
        }
    }
  cairo_stroke (cr);

  for (guint i = 0; i < self->bubbles->len; i++)
    {
      const Bubble *bubble = &g_array_index (self->bubbles, Bubble, i);

      cairo_arc (cr, bubble->x, bubble->y, bubble->r, 0, 2 * G_PI);
      fw_color_set_source_alpha (fw_portfolio_verdict_color (style, bubble->verdict), cr, 0.85);
      cairo_fill_preserve (cr);
      fw_color_set_source (&style->card, cr);
      cairo_set_line_width (cr, MAX (0.75, bubble->r * 0.15));
      cairo_stroke (cr);
      if (bubble->low_agreement)
        low_agreement_ring (self, cr, bubble->x, bubble->y, ring_radius (bubble));
      if ((int) i == highlighted)
        {
          cairo_arc (cr, bubble->x, bubble->y, bubble->r + MAX (2, bubble->r * 0.3), 0,
                     2 * G_PI);
          fw_color_set_source (&style->foreground, cr);
          cairo_set_line_width (cr, MAX (1.5, bubble->r * 0.2));
          cairo_stroke (cr);
        }
    }

  for (guint i = 0; i < self->bubbles->len; i++)
    {
      const Bubble *bubble = &g_array_index (self->bubbles, Bubble, i);

      if (bubble->label == NULL)
        continue;
      if ((int) i == highlighted)
        {
          cairo_rectangle (cr, bubble->rect.x - 2, bubble->rect.y - 1, bubble->rect.width + 4,
                           bubble->rect.height + 2);
          fw_color_set_source_alpha (&style->accent_bg, cr, 0.2);
          cairo_fill (cr);
        }
      fw_color_set_source (&style->foreground, cr);
      cairo_move_to (cr, bubble->rect.x, bubble->rect.y);
      pango_cairo_show_layout (cr, bubble->label);
      cairo_new_path (cr);
    }

  cairo_restore (cr);
}

/* Export */

static void
draw_portfolio_cb (cairo_t  *cr,
                   double    width,
                   double    height,
                   gpointer  user_data)
{
  const FwPortfolio *portfolio = ((gpointer *) user_data)[0];
  const FwExportOptions *options = ((gpointer *) user_data)[1];
  g_autoptr(FwPortfolioLayout) layout = fw_portfolio_layout_new (portfolio, width, height,
                                                                 &options->style, NULL);

  fw_portfolio_draw (layout, cr, -1);
}

GBytes *
fw_portfolio_export_to_bytes (const FwPortfolio     *portfolio,
                              const FwExportOptions *options,
                              const char            *title,
                              GError               **error)
{
  gpointer data[] = { (gpointer) portfolio, (gpointer) options };

  g_return_val_if_fail (portfolio != NULL, NULL);
  return fw_export_draw_to_bytes (options, title, draw_portfolio_cb, data, error);
}

gboolean
fw_portfolio_export_to_file (const FwPortfolio     *portfolio,
                             const FwExportOptions *options,
                             const char            *title,
                             const char            *path,
                             GError               **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = fw_portfolio_export_to_bytes (portfolio, options, title, error);
  return bytes != NULL && fw_export_write_bytes (bytes, path, error);
}
