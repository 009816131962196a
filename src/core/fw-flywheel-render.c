/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <math.h>

#include "fw-flywheel-layout-private.h"
#include "fw-flywheel-render.h"

static void
rounded_rect (cairo_t                 *cr,
              const cairo_rectangle_t *r,
              double                   radius)
{
  double x = r->x, y = r->y, w = r->width, h = r->height;

  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
show_text (cairo_t              *cr,
           const FwFlywheelText *text,
           const FwColor        *color)
{
  if (text->layout == NULL)
    return;
  fw_color_set_source (color, cr);
  cairo_move_to (cr, text->text_x, text->text_y);
  pango_cairo_show_layout (cr, text->layout);
}

static FwStageState
drawn_state (const FwFlywheelLayout *self,
             guint                   s)
{
  if (self->is_case && self->states[s] != FW_STAGE_STATE_UNANSWERED)
    return FW_STAGE_STATE_HOLDS;
  return self->states[s];
}

static void
set_line_style (const FwFlywheelLayout *self,
                cairo_t                *cr,
                FwStageState            state,
                double                  width)
{
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  if (state == FW_STAGE_STATE_UNANSWERED)
    {
      double dashes[] = { 0.5 * self->em, 0.35 * self->em };

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    }
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

static void
cut_mark (const FwFlywheelLayout *self,
          cairo_t                *cr,
          double                  x,
          double                  y,
          double                  r)
{
  double k = r * 0.42;

  cairo_set_dash (cr, NULL, 0, 0);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  fw_color_set_source (&self->style.background, cr);
  cairo_fill_preserve (cr);
  fw_color_set_source (&self->style.broken, cr);
  cairo_set_line_width (cr, MAX (1.0, 0.13 * self->em));
  cairo_stroke (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, MAX (1.0, 0.16 * self->em));
  cairo_move_to (cr, x - k, y - k);
  cairo_line_to (cr, x + k, y + k);
  cairo_move_to (cr, x + k, y - k);
  cairo_line_to (cr, x - k, y + k);
  cairo_stroke (cr);
}

/* Where the team is split: a disk half in the broken colour, half in the holds
 * colour, ringed in the text's colour so it reads in grey print too. */
static void
split_mark (const FwFlywheelLayout *self,
            cairo_t                *cr,
            double                  x,
            double                  y,
            double                  r)
{
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  fw_color_set_source (&self->style.background, cr);
  cairo_fill (cr);
  cairo_move_to (cr, x, y);
  cairo_arc (cr, x, y, r * 0.78, G_PI / 2, 3 * G_PI / 2);
  cairo_close_path (cr);
  fw_color_set_source (&self->style.broken, cr);
  cairo_fill (cr);
  cairo_move_to (cr, x, y);
  cairo_arc (cr, x, y, r * 0.78, -G_PI / 2, G_PI / 2);
  cairo_close_path (cr);
  fw_color_set_source (&self->style.holds, cr);
  cairo_fill (cr);
  cairo_arc (cr, x, y, r, 0, 2 * G_PI);
  fw_color_set_source (&self->style.foreground, cr);
  cairo_set_line_width (cr, MAX (1.0, 0.1 * self->em));
  cairo_stroke (cr);
}

/* One of the team's two strokes: a broken state dashed, so the range reads
 * without colour. */
static void
rail_style (const FwFlywheelLayout *self,
            cairo_t                *cr,
            FwStageState            state)
{
  fw_color_set_source (fw_flywheel_layout_state_color (self, state), cr);
  cairo_set_line_width (cr, self->rail_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  if (state == FW_STAGE_STATE_BROKEN)
    {
      double dashes[] = { 0.35 * self->em, 0.25 * self->em };

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    }
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_spread (const FwFlywheelLayout *self,
             cairo_t                *cr,
             guint                   s,
             double                  from,
             double                  to)
{
  double r = self->radius;

  if (!fw_flywheel_layout_stage_has_spread (self, s) || to <= from)
    return;
  rail_style (self, cr, self->spread_strongest[s]);
  cairo_new_path (cr);
  cairo_arc (cr, self->cx, self->cy, r + self->rail_offset[s], from, to);
  cairo_stroke (cr);
  rail_style (self, cr, self->spread_weakest[s]);
  cairo_new_path (cr);
  cairo_arc (cr, self->cx, self->cy, r - self->rail_offset[s], from, to);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_arc (const FwFlywheelLayout *self,
          cairo_t                *cr,
          guint                   s,
          gboolean                highlighted)
{
  FwStageState state = drawn_state (self, s);
  const FwColor *color = fw_flywheel_layout_state_color (self, state);
  double r = self->radius;
  double from = self->arc_from[s];
  double tip = self->arc_to[s];
  double arrow = MIN (self->arrow + self->line_width[s], (tip - from) * r * 0.5);
  double to = tip - arrow / r;
  double dir_x = -sin (tip), dir_y = cos (tip);
  double tip_x = self->cx + r * cos (tip), tip_y = self->cy + r * sin (tip);
  double base_x = tip_x - dir_x * arrow, base_y = tip_y - dir_y * arrow;
  double half = MAX (arrow * 0.55, self->line_width[s] * 1.1);
  gboolean broken = state == FW_STAGE_STATE_BROKEN;

  if (highlighted)
    {
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      cairo_set_line_width (cr, self->line_width[s] + 0.9 * self->em);
      fw_color_set_source_alpha (color, cr, 0.22);
      cairo_new_path (cr);
      cairo_arc (cr, self->cx, self->cy, r, from, tip);
      cairo_stroke (cr);
    }

  fw_color_set_source (color, cr);
  set_line_style (self, cr, state, self->line_width[s]);
  cairo_new_path (cr);
  if (broken)
    {
      double cut = self->cut_angle[s];

      if (cut - self->cut_gap > from)
        {
          cairo_arc (cr, self->cx, self->cy, r, from, cut - self->cut_gap);
          cairo_stroke (cr);
        }
      if (cut + self->cut_gap < to)
        {
          cairo_arc (cr, self->cx, self->cy, r, cut + self->cut_gap, to);
          cairo_stroke (cr);
        }
    }
  else if (to > from)
    {
      cairo_arc (cr, self->cx, self->cy, r, from, to);
      cairo_stroke (cr);
    }

  cairo_set_dash (cr, NULL, 0, 0);
  cairo_move_to (cr, tip_x, tip_y);
  cairo_line_to (cr, base_x + dir_y * half, base_y - dir_x * half);
  cairo_line_to (cr, base_x - dir_y * half, base_y + dir_x * half);
  cairo_close_path (cr);
  cairo_fill (cr);

  draw_spread (self, cr, s, from, to);
  if (broken)
    cut_mark (self, cr, self->cx + r * cos (self->cut_angle[s]),
              self->cy + r * sin (self->cut_angle[s]), self->cut_radius);
  if (self->has_spread && self->split[s])
    split_mark (self, cr, self->cx + r * cos (self->split_angle[s]),
                self->cy + r * sin (self->split_angle[s]), self->split_radius);
}

static void
draw_node (const FwFlywheelLayout *self,
           cairo_t                *cr,
           guint                   s,
           gboolean                highlighted)
{
  FwStageState state = drawn_state (self, s);
  const FwColor *color = fw_flywheel_layout_state_color (self, state);
  const FwFlywheelText *node = &self->nodes[s];
  double disk_x = node->box.x + self->node_pad + self->disk_radius;
  double disk_y = node->box.y + node->box.height / 2;

  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_path (cr);
  rounded_rect (cr, &node->box, 0.9 * self->em);
  fw_color_set_source (&self->style.card, cr);
  cairo_fill_preserve (cr);
  if (highlighted)
    {
      fw_color_set_source (color, cr);
      cairo_set_line_width (cr, MAX (2.0, 0.18 * self->em));
    }
  else
    {
      fw_color_set_source (&self->style.border, cr);
      cairo_set_line_width (cr, MAX (1.0, 0.08 * self->em));
    }
  cairo_stroke (cr);

  cairo_arc (cr, disk_x, disk_y, self->disk_radius, 0, 2 * G_PI);
  fw_color_set_source (color, cr);
  cairo_fill (cr);
  show_text (cr, &self->numbers[s], &self->style.background);
  show_text (cr, node, &self->style.foreground);
}

static void
draw_label (const FwFlywheelLayout *self,
            cairo_t                *cr,
            guint                   s,
            gboolean                highlighted)
{
  const FwFlywheelText *label = &self->labels[s];
  FwStageState state = drawn_state (self, s);

  if (label->layout == NULL)
    return;

  cairo_set_dash (cr, NULL, 0, 0);
  cairo_new_path (cr);
  rounded_rect (cr, &label->box, 0.5 * self->em);
  fw_color_set_source (&self->style.card, cr);
  cairo_fill_preserve (cr);
  if (highlighted || state == FW_STAGE_STATE_BROKEN)
    {
      fw_color_set_source (fw_flywheel_layout_state_color (self, state), cr);
      cairo_set_line_width (cr, MAX (1.5, (highlighted ? 0.18 : 0.1) * self->em));
    }
  else
    {
      fw_color_set_source (&self->style.border, cr);
      cairo_set_line_width (cr, MAX (1.0, 0.06 * self->em));
    }
  cairo_stroke (cr);
  show_text (cr, label, &self->style.foreground);
}

static const FwColor *
badge_color (const FwFlywheelLayout *self)
{
  if (self->is_case)
    return &self->style.neutral;
  switch (self->verdict)
    {
    case FW_VERDICT_WINNING: return &self->style.strong;
    case FW_VERDICT_PROMISING: return &self->style.holds;
    case FW_VERDICT_LOSING: return &self->style.broken;
    case FW_VERDICT_INCOMPLETE:
    case FW_N_VERDICTS:
    default:
      return &self->style.neutral;
    }
}

static void
draw_legend (const FwFlywheelLayout *self,
             cairo_t                *cr)
{
  for (guint i = FW_N_STAGE_STATES; i < FW_FLYWHEEL_N_LEGEND; i++)
    {
      const cairo_rectangle_t *sw = &self->legend_swatch[i];
      double y = sw->y + sw->height / 2;
      double x0 = sw->x + 0.1 * self->em, x1 = sw->x + sw->width - 0.1 * self->em;
      double off = 0.15 * self->em + 0.22 * self->em + self->rail_width / 2;

      if (self->legend[i].layout == NULL)
        continue;
      cairo_new_path (cr);
      if (i == FW_FLYWHEEL_LEGEND_RANGE)
        {
          fw_color_set_source (&self->style.holds, cr);
          set_line_style (self, cr, FW_STAGE_STATE_HOLDS, MAX (1.0, 0.3 * self->em));
          cairo_move_to (cr, x0, y);
          cairo_line_to (cr, x1, y);
          cairo_stroke (cr);
          rail_style (self, cr, FW_STAGE_STATE_STRONG);
          cairo_move_to (cr, x0, y - off);
          cairo_line_to (cr, x1, y - off);
          cairo_stroke (cr);
          rail_style (self, cr, FW_STAGE_STATE_WEAK);
          cairo_move_to (cr, x0, y + off);
          cairo_line_to (cr, x1, y + off);
          cairo_stroke (cr);
        }
      else
        split_mark (self, cr, (x0 + x1) / 2, y, MIN (self->split_radius, sw->height * 0.45));
      show_text (cr, &self->legend[i], &self->style.dim);
    }
  for (guint i = 0; i < FW_N_STAGE_STATES; i++)
    {
      static const double widths[] = { 0.12, 0.14, 0.3, 0.5, 0.3 };
      const cairo_rectangle_t *sw = &self->legend_swatch[i];
      double y = sw->y + sw->height / 2;
      double x0 = sw->x + 0.1 * self->em, x1 = sw->x + sw->width - 0.1 * self->em;

      if (self->legend[i].layout == NULL)
        continue;
      fw_color_set_source (fw_flywheel_layout_state_color (self, i), cr);
      set_line_style (self, cr, i, MAX (1.0, widths[i] * self->em));
      cairo_new_path (cr);
      if (i == FW_STAGE_STATE_BROKEN)
        {
          double mid = (x0 + x1) / 2, r = sw->height * 0.3;

          cairo_move_to (cr, x0, y);
          cairo_line_to (cr, mid - r * 1.3, y);
          cairo_move_to (cr, mid + r * 1.3, y);
          cairo_line_to (cr, x1, y);
          cairo_stroke (cr);
          cut_mark (self, cr, mid, y, r);
        }
      else
        {
          cairo_move_to (cr, x0, y);
          cairo_line_to (cr, x1, y);
          cairo_stroke (cr);
        }
      show_text (cr, &self->legend[i], &self->style.dim);
    }
}

void
fw_flywheel_draw (const FwFlywheelLayout *self,
                  cairo_t                *cr,
                  int                     highlighted)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);

  fw_color_set_source (&self->style.background, cr);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_fill (cr);

  for (guint s = 0; s < FW_N_STAGES; s++)
    draw_arc (self, cr, s, (int) s == highlighted);

  if (self->hub_text.layout)
    {
      cairo_new_path (cr);
      cairo_arc (cr, self->cx, self->cy, self->hub_radius, 0, 2 * G_PI);
      fw_color_set_source (&self->style.accent_bg, cr);
      cairo_fill (cr);
      show_text (cr, &self->hub_text, &self->style.on_accent);
    }

  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      draw_node (self, cr, s, (int) s == highlighted);
      draw_label (self, cr, s, (int) s == highlighted);
    }

  show_text (cr, &self->title, &self->style.foreground);
  cairo_new_path (cr);
  rounded_rect (cr, &self->badge.box, self->badge.box.height / 2);
  fw_color_set_source (badge_color (self), cr);
  cairo_fill (cr);
  show_text (cr, &self->badge, &self->style.background);

  draw_legend (self, cr);

  cairo_restore (cr);
}
