/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"
#include <math.h>

#include "fw-assessment.h"
#include "fw-flywheel-layout-private.h"
#include "fw-fonts.h"
#include "fw-i18n.h"
#include "fw-team.h"
#include "fw-text.h"

/* The cycle runs clockwise from the top: customer experience, traffic (right),
 * data (bottom), model (left). The arc that arrives at a stage's node carries
 * that stage's why, because the why explains how the previous stage leads to
 * it; a broken stage cuts that arc. */

#define LABEL_MAX_EM   22.0   /* longer lines are hard to read */
#define LABEL_MIN_EM    4.0
#define N_RADII        16

/* ------------------------------------------------------------------ input */

FwFlywheelInput *
fw_flywheel_input_new (void)
{
  FwFlywheelInput *input = g_new0 (FwFlywheelInput, 1);

  input->title = g_strdup ("");
  input->badge = g_strdup ("");
  input->hub = g_strdup (_("Growth"));
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      input->stage_labels[s] = g_strdup (fw_stage_short_label (s));
      input->questions[s] = g_strdup (fw_stage_question (s));
      input->whys[s] = g_strdup ("");
      input->state_texts[s] = g_strdup (fw_stage_state_label (FW_STAGE_STATE_UNANSWERED));
      input->details[s] = g_strdup ("");
    }
  for (guint i = 0; i < FW_N_STAGE_STATES; i++)
    input->legend[i] = g_strdup (fw_stage_state_label (i));
  /* TRANSLATORS: the diagram's legend for the two thin strokes beside a stage's arc */
  input->spread_legend[0] = g_strdup (_("Team: strongest outside, weakest inside"));
  /* TRANSLATORS: the diagram's legend for the mark on a stage the team is split on */
  input->spread_legend[1] = g_strdup (_("Team split: broken for one, holds for another"));
  input->description = g_strdup ("");
  input->language = g_strdup (fw_i18n_current_language ());
  return input;
}

void
fw_flywheel_input_free (FwFlywheelInput *input)
{
  if (input == NULL)
    return;
  g_free (input->title);
  g_free (input->badge);
  g_free (input->hub);
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_free (input->stage_labels[s]);
      g_free (input->questions[s]);
      g_free (input->whys[s]);
      g_free (input->state_texts[s]);
      g_free (input->losing_cases[s]);
      g_free (input->break_reasons[s]);
      g_free (input->details[s]);
    }
  for (guint i = 0; i < FW_N_STAGE_STATES; i++)
    g_free (input->legend[i]);
  g_free (input->spread_legend[0]);
  g_free (input->spread_legend[1]);
  g_free (input->description);
  g_free (input->language);
  g_free (input);
}

/* Japanese text wants Japanese glyph forms and line breaking even when the
 * interface is in English. */
static void
guess_language (FwFlywheelInput *input)
{
  GString *all = g_string_new (input->title);

  for (guint s = 0; s < FW_N_STAGES; s++)
    g_string_append (all, input->whys[s]);
  for (const char *p = all->str; *p; p = g_utf8_next_char (p))
    {
      GUnicodeScript script = g_unichar_get_script (g_utf8_get_char (p));

      if (script == G_UNICODE_SCRIPT_HIRAGANA || script == G_UNICODE_SCRIPT_KATAKANA ||
          script == G_UNICODE_SCRIPT_HAN)
        {
          g_free (input->language);
          input->language = g_strdup ("ja");
          break;
        }
    }
  g_string_free (all, TRUE);
}

static char *
strip_dup (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

/* The team's spread, and a sentence per stage the members see differently for
 * screen readers. */
static void
add_spread (FwFlywheelInput *input,
            FwIdea          *idea)
{
  FwTeamSpread spread;
  g_autoptr(GString) line = g_string_new (input->description);
  gboolean alike = TRUE;

  if (!fw_team_shown (idea))
    return;
  fw_team_spread_compute (idea, &spread);
  input->has_spread = TRUE;
  input->n_members = spread.n_assessments;
  memcpy (input->spread_weakest, spread.weakest, sizeof input->spread_weakest);
  memcpy (input->spread_strongest, spread.strongest, sizeof input->spread_strongest);
  memcpy (input->split, spread.split, sizeof input->split);

  g_string_append_c (line, ' ');
  g_string_append_printf (line,
                          /* TRANSLATORS: in the diagram's description for screen readers */
                          ngettext ("%u member assessed this idea.",
                                    "%u members assessed this idea.", spread.n_assessments),
                          spread.n_assessments);
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_autofree char *weakest = NULL, *strongest = NULL;

      if (spread.weakest[s] == spread.strongest[s])
        continue;
      alike = FALSE;
      weakest = fw_text_in_sentence (fw_stage_state_label (spread.weakest[s]));
      strongest = fw_text_in_sentence (fw_stage_state_label (spread.strongest[s]));
      g_string_append_c (line, ' ');
      if (spread.split[s])
        /* TRANSLATORS: %s is a stage, e.g. "Customer experience" */
        g_string_append_printf (line, _("%s: the team is split, one member sees it broken, "
                                        "another sees it hold."), fw_stage_label (s));
      else
        /* TRANSLATORS: %s are a stage, then the weakest and the strongest member's state */
        g_string_append_printf (line, _("%s: the members range from %s to %s."),
                                fw_stage_label (s), weakest, strongest);
    }
  if (alike)
    {
      g_string_append_c (line, ' ');
      g_string_append (line, _("The members see every stage alike."));
    }
  g_free (input->description);
  input->description = g_string_free (g_steal_pointer (&line), FALSE);
}

FwFlywheelInput *
fw_flywheel_input_new_for_idea (FwIdea *idea)
{
  g_autoptr(FwAssessment) assessment = NULL;
  FwFlywheelInput *input;

  g_return_val_if_fail (FW_IS_IDEA (idea), NULL);

  assessment = fw_assessment_new (idea);
  input = fw_flywheel_input_new ();
  g_free (input->title);
  input->title = fw_idea_dup_display_title (idea);
  input->verdict = fw_assessment_get_verdict (assessment);
  input->score = fw_assessment_get_score (assessment);
  g_free (input->badge);
  input->badge = fw_format_summary (input->verdict, input->score, -1);

  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      FwStageState state = fw_assessment_get_stage_state (assessment, s);
      const FwReason *broken;
      GString *details = g_string_new (NULL);

      input->states[s] = state;
      g_free (input->whys[s]);
      input->whys[s] = strip_dup (fw_idea_get_why (idea, s));
      g_free (input->state_texts[s]);
      input->state_texts[s] = fw_assessment_dup_state_text (assessment, s);

      broken = fw_assessment_get_break_reason (assessment, s);
      if (state == FW_STAGE_STATE_BROKEN)
        {
          input->losing_cases[s] = g_strdup (fw_stage_losing_case (s));
          input->break_reasons[s] = g_strdup (broken ? broken->text : "");
        }

      for (guint i = 0; i < fw_assessment_get_n_reasons (assessment); i++)
        {
          const FwReason *reason = fw_assessment_get_reason (assessment, i);

          if (reason->stage == (int) s)
            g_string_append_printf (details, "%s%s", details->len ? "\n" : "", reason->text);
        }
      g_free (input->details[s]);
      input->details[s] = g_string_free (details, FALSE);
    }

  g_free (input->description);
  input->description = fw_assessment_describe (assessment);
  add_spread (input, idea);
  guess_language (input);
  return input;
}

FwFlywheelInput *
fw_flywheel_input_new_for_case (FwCase *item)
{
  FwFlywheelInput *input;
  GString *description;

  g_return_val_if_fail (FW_IS_CASE (item), NULL);

  input = fw_flywheel_input_new ();
  input->is_case = TRUE;
  g_free (input->title);
  input->title = strip_dup (fw_case_get_name (item));
  if (*input->title == '\0')
    {
      g_free (input->title);
      input->title = g_strdup (_("Untitled case"));
    }
  g_free (input->badge);
  if (fw_case_get_task (item) == FW_TASK_UNDECIDED)
    input->badge = g_strdup (_("Best-practice case"));
  else
    /* TRANSLATORS: the badge on a case's diagram, e.g. "Best-practice case · Ranking" */
    input->badge = g_strdup_printf (_("Best-practice case · %s"),
                                    fw_task_label (fw_case_get_task (item)));

  description = g_string_new (NULL);
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_free (input->whys[s]);
      input->whys[s] = strip_dup (fw_case_get_why (item, s));
      input->states[s] = fw_text_is_blank (input->whys[s]) ? FW_STAGE_STATE_UNANSWERED
                                                  : FW_STAGE_STATE_HOLDS;
      g_free (input->details[s]);
      input->details[s] = g_strdup ("");
      g_string_append_printf (description, "%s%s %s", s ? " " : "", input->questions[s],
                              *input->whys[s] ? input->whys[s] : _("Not filled in yet."));
    }
  g_free (input->description);
  input->description = g_string_free (description, FALSE);
  guess_language (input);
  return input;
}

/* ----------------------------------------------------------------- layout */

const FwColor *
fw_flywheel_layout_state_color (const FwFlywheelLayout *layout,
                                FwStageState            state)
{
  const FwDiagramStyle *style = &layout->style;

  if (layout->is_case)
    return state == FW_STAGE_STATE_UNANSWERED ? &style->unanswered : &style->holds;

  switch (state)
    {
    case FW_STAGE_STATE_WEAK: return &style->weak;
    case FW_STAGE_STATE_HOLDS: return &style->holds;
    case FW_STAGE_STATE_STRONG: return &style->strong;
    case FW_STAGE_STATE_BROKEN: return &style->broken;
    case FW_STAGE_STATE_UNANSWERED:
    case FW_N_STAGE_STATES:
    default:
      return &style->unanswered;
    }
}

/* Span attributes for a colour, alpha included (Pango's "alpha" is the
 * foreground's). */
static char *
color_attrs (const FwColor *c)
{
  return g_strdup_printf ("foreground=\"#%02x%02x%02x\" alpha=\"%d%%\"",
                          (int) round (c->red * 255), (int) round (c->green * 255),
                          (int) round (c->blue * 255),
                          (int) CLAMP (round (c->alpha * 100), 1, 100));
}

/* Two text sizes (in em) and two weights: every size × weight is a font Pango
 * must find and open, so the diagram keeps to three of them. */
#define TEXT_SIZE 0.85      /* whys, stage names, badge, legend */
#define HEADING_SIZE 1.3    /* the title and the hub, bold */

typedef struct
{
  PangoContext         *context;
  PangoLanguage        *language;
  const char           *family;
  double                em;
} Fonts;

static PangoLayout *
new_text (const Fonts *fonts,
          double       size,
          PangoWeight  weight,
          const char  *text,
          gboolean     markup)
{
  PangoLayout *layout = pango_layout_new (fonts->context);
  PangoFontDescription *desc = pango_font_description_from_string (fonts->family);
  PangoAttrList *attrs;
  PangoAttribute *lang;

  pango_font_description_set_absolute_size (desc, size * fonts->em * PANGO_SCALE);
  pango_font_description_set_weight (desc, weight);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (markup)
    pango_layout_set_markup (layout, text, -1);
  else
    pango_layout_set_text (layout, text, -1);

  attrs = pango_layout_get_attributes (layout);
  attrs = attrs ? pango_attr_list_copy (attrs) : pango_attr_list_new ();
  lang = pango_attr_language_new (fonts->language);
  pango_attr_list_insert_before (attrs, lang);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *width = (double) (logical.x + logical.width) / PANGO_SCALE;
  *height = (double) logical.height / PANGO_SCALE;
}

static double
line_height (PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int y0, y1;

  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
  pango_layout_iter_free (iter);
  return (double) (y1 - y0) / PANGO_SCALE;
}

/* The widths of a text's paragraphs, unwrapped: enough to tell how many
 * lines it takes at any width. */
static GArray *
paragraph_widths (PangoLayout *unwrapped)
{
  int n = pango_layout_get_line_count (unwrapped);
  GArray *widths = g_array_sized_new (FALSE, FALSE, sizeof (double), n);

  for (int i = 0; i < n; i++)
    {
      PangoRectangle logical;
      double w;

      pango_layout_line_get_extents (pango_layout_get_line_readonly (unwrapped, i), NULL, &logical);
      w = (double) logical.width / PANGO_SCALE;
      g_array_append_val (widths, w);
    }
  return widths;
}

static void
add_part (FwFlywheelLayout        *self,
          FwFlywheelPart           part,
          int                      stage,
          const cairo_rectangle_t *rect)
{
  FwFlywheelPartInfo info = { part, stage, *rect };

  g_array_append_val (self->parts, info);
}

static void
place_text (FwFlywheelText *text,
            double          x,
            double          y,
            double          width,
            double          height,
            double          pad)
{
  text->box = (cairo_rectangle_t) { x, y, width, height };
  text->text_x = x + pad;
  text->text_y = y + pad;
}

/* u, v: distance from the centre along the quadrant's x and y directions. */
typedef struct
{
  double u0, u1, v0, v1;
} QRect;

typedef struct
{
  double  radius;
  double  ring;                       /* nothing but arcs and marks inside this */
  QRect   areas[FW_N_STAGES];
  double  fit[FW_N_STAGES];
  double  score;
} Geometry;

static const int quadrant_sx[FW_N_STAGES] = { -1, +1, +1, -1 };
static const int quadrant_sy[FW_N_STAGES] = { -1, -1, +1, +1 };

typedef struct
{
  double        half_w, half_h;       /* the cycle area around the centre */
  double        node_w2, node_h2;
  double        hub_radius;
  double        gap;
  double        pad;
  double        em;
  double        mark;                 /* how far arrows and cut marks reach out of the circle */
  GArray       *paragraphs[FW_N_STAGES];  /* each label's paragraph widths */
  double        line_height[FW_N_STAGES];
} GeometryInput;

/* How much of a label's text fits in an area (1: all of it), from the
 * lines it takes at that width, with a tenth more for word wrapping. Narrow
 * columns read badly, so they score lower even when the text fits. */
static double
area_fit (const GeometryInput *in,
          guint                stage,
          const QRect         *r)
{
  double w = MIN (r->u1 - r->u0 - 2 * in->pad, LABEL_MAX_EM * in->em);
  double h = r->v1 - r->v0 - 2 * in->pad;
  double lines = 0, fit;

  if (w < LABEL_MIN_EM * in->em || h < in->line_height[stage])
    return 0;
  for (guint i = 0; i < in->paragraphs[stage]->len; i++)
    lines += MAX (1, ceil (g_array_index (in->paragraphs[stage], double, i) * 1.1 / w));
  fit = MIN (1.0, h / (lines * in->line_height[stage]));
  return fit * (0.6 + 0.4 * MIN (1.0, w / (16 * in->em)));
}

static void
compute_geometry (const GeometryInput *in,
                  double               radius,
                  Geometry            *g)
{
  double ring = radius + in->mark + in->gap;
  double diag = ring / G_SQRT2;

  g->radius = radius;
  g->ring = ring;
  g->score = 1.0;
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      /* Three shapes of free space in each quadrant: the corner beyond the
       * arc, the column beside the side node, the band above/below the top
       * or bottom node. Each keeps clear of both nodes and of the ring. */
      QRect candidates[3] = {
        { MAX (in->node_w2 + in->gap, diag), in->half_w,
          MAX (in->node_h2 + in->gap, diag), in->half_h },
        { MAX (radius + in->node_w2, ring) + in->gap, in->half_w, in->gap / 2, in->half_h },
        { in->gap / 2, in->half_w, MAX (radius + in->node_h2, ring) + in->gap, in->half_h },
      };
      double best = -1;

      for (guint c = 0; c < G_N_ELEMENTS (candidates); c++)
        {
          double fit = area_fit (in, s, &candidates[c]);
          double area = MAX (0, candidates[c].u1 - candidates[c].u0) *
                        MAX (0, candidates[c].v1 - candidates[c].v0);

          /* Ties (everything fits) go to the first shape, nearest its arc. */
          if (fit > best + 1e-3 || (fit == 0 && best == 0 && area > 0 && c == 0))
            {
              best = fit;
              g->areas[s] = candidates[c];
            }
        }
      g->fit[s] = best;
      g->score = MIN (g->score, best);
    }
}

/* Angle where the circle leaves a node's box, going @dir from its centre. */
static double
leave_box (double radius,
           double node_angle,
           double dir,
           double hw,
           double hh)
{
  double lo = 0, hi = G_PI / 2;

  for (guint i = 0; i < 30; i++)
    {
      double mid = (lo + hi) / 2;
      double a = node_angle + dir * mid;
      double dx = radius * cos (a) - radius * cos (node_angle);
      double dy = radius * sin (a) - radius * sin (node_angle);

      if (fabs (dx) < hw && fabs (dy) < hh)
        lo = mid;
      else
        hi = mid;
    }
  return hi;
}

static double
node_angle (guint stage)
{
  return -G_PI / 2 + stage * G_PI / 2;
}

static void
count_unknown (FwFlywheelLayout *self,
               PangoLayout      *layout)
{
  PangoLayoutIter *iter;

  if (layout == NULL)
    return;
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run == NULL)
        continue;
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        if (run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
          self->unknown_glyphs++;
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
}

static PangoContext *
default_context (void)
{
  /* Unhinted metrics: line breaks must not depend on the output device. */
  return fw_fonts_new_unhinted_context (CAIRO_ANTIALIAS_GRAY);
}

#define ESC(text) g_markup_escape_text ((text) ? (text) : "", -1)

static char *
label_markup (const FwFlywheelInput  *input,
              const FwFlywheelLayout *self,
              guint                   s)
{
  const FwColor *color = fw_flywheel_layout_state_color (self, input->states[s]);
  g_autofree char *state_color = color_attrs (color);
  g_autofree char *dim = color_attrs (&self->style.dim);
  g_autofree char *broken = color_attrs (&self->style.broken);
  g_autofree char *why = ESC (input->whys[s]);
  gboolean has_why = !fw_text_is_blank (input->whys[s]);

  if (input->states[s] == FW_STAGE_STATE_BROKEN)
    {
      g_autofree char *losing = ESC (input->losing_cases[s]);
      g_autofree char *reason = ESC (input->break_reasons[s]);

      return g_strdup_printf ("<b><span %s>%s</span></b>\n%s%s<span %s>%s</span>",
                              broken, losing, reason, has_why ? "\n" : "", dim, why);
    }
  if (!has_why)
    {
      g_autofree char *state = ESC (input->state_texts[s]);
      g_autofree char *question = ESC (input->questions[s]);

      return g_strdup_printf ("<b><span %s>%s</span></b>\n<span %s>%s</span>",
                              state_color, state, dim, question);
    }
  else
    {
      g_autofree char *state = ESC (input->state_texts[s]);

      return g_strdup_printf ("<b><span %s>%s</span></b>\n%s", state_color, state, why);
    }
}

static char *
case_label_markup (const FwFlywheelInput  *input,
                   const FwFlywheelLayout *self,
                   guint                   s)
{
  g_autofree char *dim = color_attrs (&self->style.dim);
  g_autofree char *question = ESC (input->questions[s]);
  g_autofree char *why = ESC (input->whys[s]);
  g_autofree char *none = ESC (_("Not filled in yet."));

  if (fw_text_is_blank (input->whys[s]))
    return g_strdup_printf ("<b>%s</b>\n<span %s>%s</span>", question, dim, none);
  return g_strdup_printf ("<b>%s</b>\n%s", question, why);
}

#undef ESC

static void
layout_header (FwFlywheelLayout      *self,
               const FwFlywheelInput *input,
               const Fonts           *fonts,
               double                 margin,
               double                 gap,
               double                *bottom)
{
  double em = self->em;
  double avail = self->width - 2 * margin;
  double bw, bh, tw, th, badge_pad = 0.35 * em, badge_w, badge_h;
  gboolean side_by_side;

  self->badge.layout = new_text (fonts, TEXT_SIZE, PANGO_WEIGHT_BOLD, input->badge, FALSE);
  pango_layout_set_ellipsize (self->badge.layout, PANGO_ELLIPSIZE_END);
  text_size (self->badge.layout, &bw, &bh);
  if (bw > avail - 1.6 * em)
    {
      pango_layout_set_width (self->badge.layout, (int) ((avail - 1.6 * em) * PANGO_SCALE));
      text_size (self->badge.layout, &bw, &bh);
    }
  badge_w = bw + 1.6 * em;
  badge_h = bh + 2 * badge_pad;

  side_by_side = avail - badge_w - gap >= 12 * em;

  self->title.layout = new_text (fonts, HEADING_SIZE, PANGO_WEIGHT_BOLD, input->title, FALSE);
  pango_layout_set_ellipsize (self->title.layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (self->title.layout, -2);
  pango_layout_set_width (self->title.layout,
                          (int) ((side_by_side ? avail - badge_w - 2 * gap : avail) * PANGO_SCALE));
  text_size (self->title.layout, &tw, &th);
  place_text (&self->title, margin, margin, tw, th, 0);

  if (side_by_side)
    place_text (&self->badge, self->width - margin - badge_w,
                margin + MAX (0, (MIN (th, 1.4 * em * 1.5) - badge_h) / 2),
                badge_w, badge_h, 0);
  else
    place_text (&self->badge, margin, margin + th + gap * 0.6, badge_w, badge_h, 0);
  self->badge.text_x = self->badge.box.x + 0.8 * em;
  self->badge.text_y = self->badge.box.y + badge_pad;

  add_part (self, FW_FLYWHEEL_PART_TITLE, -1, &self->title.box);
  add_part (self, FW_FLYWHEEL_PART_BADGE, -1, &self->badge.box);
  *bottom = MAX (self->title.box.y + self->title.box.height,
                 self->badge.box.y + self->badge.box.height);
}

/* Legend entries flow in rows along the bottom; more than two rows (three with
 * the team's two entries) would eat the diagram, so then there is none. Returns
 * the top of the legend. */
static double
layout_legend (FwFlywheelLayout      *self,
               const FwFlywheelInput *input,
               const Fonts           *fonts,
               double                 margin,
               double                 gap)
{
  double em = self->em;
  double avail = self->width - 2 * margin;
  double swatch = 2.2 * em, inner = 0.4 * em, spacing = 1.2 * em;
  double widths[FW_FLYWHEEL_N_LEGEND], row_w[3] = { 0, 0, 0 }, lh = 0;
  int row_of[FW_FLYWHEEL_N_LEGEND];
  guint n = input->has_spread ? FW_FLYWHEEL_N_LEGEND : FW_N_STAGE_STATES;
  int max_row = input->has_spread ? 2 : 1;
  int row = 0;
  double top;

  if (!self->style.show_legend || input->is_case)
    return self->height - margin;

  for (guint i = 0; i < n; i++)
    {
      const char *text = i < FW_N_STAGE_STATES ? input->legend[i]
                                               : input->spread_legend[i - FW_N_STAGE_STATES];
      double w, h;

      self->legend[i].layout = new_text (fonts, TEXT_SIZE, PANGO_WEIGHT_NORMAL, text, FALSE);
      text_size (self->legend[i].layout, &w, &h);
      widths[i] = swatch + inner + w;
      lh = MAX (lh, h);
      /* The team's entries start a row of their own: they explain another thing. */
      if (row_w[row] > 0 && (row_w[row] + spacing + widths[i] > avail ||
                             i == FW_FLYWHEEL_LEGEND_RANGE))
        row++;
      if (row > max_row || widths[i] > avail)
        {
          for (guint j = 0; j < FW_FLYWHEEL_N_LEGEND; j++)
            g_clear_object (&self->legend[j].layout);
          return self->height - margin;
        }
      row_w[row] += (row_w[row] > 0 ? spacing : 0) + widths[i];
      row_of[i] = row;
    }

  top = self->height - margin - (row + 1) * lh - row * 0.3 * em;
  for (int r = 0, i = 0; r <= row; r++)
    {
      double x = (self->width - row_w[r]) / 2;
      double y = top + r * (lh + 0.3 * em);

      for (; i < (int) n && row_of[i] == r; i++)
        {
          place_text (&self->legend[i], x, y, widths[i], lh, 0);
          self->legend[i].text_x = x + swatch + inner;
          self->legend_swatch[i] = (cairo_rectangle_t) { x, y, swatch, lh };
          add_part (self, FW_FLYWHEEL_PART_LEGEND, i, &self->legend[i].box);
          x += widths[i] + spacing;
        }
    }
  return top - gap;
}

static void
qrect_to_rect (const FwFlywheelLayout *self,
               guint                   s,
               double                  u0,
               double                  v0,
               double                  w,
               double                  h,
               cairo_rectangle_t      *out)
{
  out->x = quadrant_sx[s] > 0 ? self->cx + u0 : self->cx - u0 - w;
  out->y = quadrant_sy[s] > 0 ? self->cy + v0 : self->cy - v0 - h;
  out->width = w;
  out->height = h;
}

FwFlywheelLayout *
fw_flywheel_layout_new (const FwFlywheelInput *input,
                        double                 width,
                        double                 height,
                        const FwDiagramStyle  *style,
                        PangoContext          *context)
{
  PangoContext *own_context = NULL;
  FwFlywheelLayout *self;
  Fonts fonts;
  GeometryInput gin = { 0 };
  Geometry best = { 0 };
  double em, margin, gap, top, bottom, text_w, text_h, node_text_w = 0, node_text_h = 0;
  double number_w = 0, number_h = 0;
  double node_max, radius_max, radius_min;
  gboolean have_best = FALSE;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  if (context == NULL)
    context = own_context = default_context ();

  self = g_new0 (FwFlywheelLayout, 1);
  self->width = width = MAX (width, 1);
  self->height = height = MAX (height, 1);
  self->style = *style;
  self->is_case = input->is_case;
  self->verdict = input->verdict;
  memcpy (self->states, input->states, sizeof self->states);
  self->has_spread = input->has_spread && !input->is_case;
  if (self->has_spread)
    {
      memcpy (self->spread_weakest, input->spread_weakest, sizeof self->spread_weakest);
      memcpy (self->spread_strongest, input->spread_strongest, sizeof self->spread_strongest);
      memcpy (self->split, input->split, sizeof self->split);
    }
  self->parts = g_array_new (FALSE, FALSE, sizeof (FwFlywheelPartInfo));
  self->em = em = fw_diagram_style_font_size (style, width, height);

  fonts.context = context;
  fonts.language = pango_language_from_string (input->language);
  fonts.family = fw_diagram_style_get_family (style, input->language);
  fonts.em = em;

  margin = 1.1 * em;
  gap = 0.6 * em;

  layout_header (self, input, &fonts, margin, gap, &top);
  top += gap * 1.5;
  bottom = layout_legend (self, input, &fonts, margin, gap);

  /* Nodes: a number disk and the stage's name, two lines (three if need be), all the
   * same size so the cycle stays symmetric. */
  self->node_pad = 0.45 * em;
  self->disk_radius = 0.7 * em;
  node_max = MIN (15 * em, (width - 2 * margin) * 0.26);
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_autofree char *number = g_strdup_printf ("%u", s + 1);
      double w, h;

      self->numbers[s].layout = new_text (&fonts, TEXT_SIZE, PANGO_WEIGHT_BOLD, number, FALSE);
      text_size (self->numbers[s].layout, &w, &h);
      number_w = MAX (number_w, w);
      number_h = MAX (number_h, h);

      self->nodes[s].layout = new_text (&fonts, TEXT_SIZE, PANGO_WEIGHT_BOLD,
                                        input->stage_labels[s], FALSE);
      pango_layout_set_ellipsize (self->nodes[s].layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (self->nodes[s].layout, -2);
      pango_layout_set_width (self->nodes[s].layout,
                              (int) (MAX (node_max - 2 * self->node_pad - 2 * self->disk_radius -
                                          self->node_pad, 2 * em) * PANGO_SCALE));
      /* A long name in a wide font takes a third line rather than an ellipsis. */
      if (pango_layout_is_ellipsized (self->nodes[s].layout))
        pango_layout_set_height (self->nodes[s].layout, -3);
      text_size (self->nodes[s].layout, &w, &h);
      node_text_w = MAX (node_text_w, w);
      node_text_h = MAX (node_text_h, h);
    }
  gin.node_w2 = (2 * self->node_pad + 2 * self->disk_radius + self->node_pad + node_text_w) / 2;
  gin.node_h2 = (MAX (node_text_h, 2 * self->disk_radius) + 2 * self->node_pad) / 2;

  self->hub_text.layout = new_text (&fonts, HEADING_SIZE, PANGO_WEIGHT_BOLD, input->hub, FALSE);
  text_size (self->hub_text.layout, &text_w, &text_h);
  gin.hub_radius = MAX (text_w / 2 + 0.8 * em, 2.2 * em);

  /* Arc widths by state: the stronger the evidence, the thicker the line. */
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      static const double widths[] = {
        [FW_STAGE_STATE_UNANSWERED] = 0.12, [FW_STAGE_STATE_WEAK] = 0.14,
        [FW_STAGE_STATE_HOLDS] = 0.3, [FW_STAGE_STATE_STRONG] = 0.5,
        [FW_STAGE_STATE_BROKEN] = 0.3,
      };
      FwStageState state = input->states[s];

      if (input->is_case)
        state = state == FW_STAGE_STATE_UNANSWERED ? state : FW_STAGE_STATE_HOLDS;
      self->line_width[s] = MAX (1.0, widths[state] * em);
    }
  self->arrow = 0.9 * em;
  self->cut_radius = 0.8 * em;

  /* The team's range: two thin strokes either side of the arc, clear of its
   * widest line (strong), so they read as a pair whatever the agreed state. */
  self->rail_width = MAX (1.5, 0.14 * em);
  self->split_radius = 0.8 * em;
  for (guint s = 0; s < FW_N_STAGES; s++)
    self->rail_offset[s] = MAX (self->line_width[s], 0.3 * em) / 2 + 0.22 * em +
                           self->rail_width / 2;

  gin.em = em;
  gin.gap = gap;
  gin.pad = 0.45 * em;
  gin.mark = MAX (self->arrow * 0.6, self->cut_radius) + 0.2 * em;
  gin.half_w = (width - 2 * margin) / 2;
  gin.half_h = MAX (bottom - top, 1) / 2;
  self->cx = width / 2;
  self->cy = top + gin.half_h;

  /* Labels: measured unwrapped once, to guess how much room each wants. */
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_autofree char *markup = input->is_case ? case_label_markup (input, self, s)
                                               : label_markup (input, self, s);

      self->labels[s].layout = new_text (&fonts, TEXT_SIZE, PANGO_WEIGHT_NORMAL, markup, TRUE);
      gin.paragraphs[s] = paragraph_widths (self->labels[s].layout);
      gin.line_height[s] = line_height (self->labels[s].layout);
    }

  /* The biggest circle that leaves every label room for its whole text;
   * failing that, the one that leaves the worst-off label the most room. */
  radius_max = MIN (gin.half_w - gin.node_w2, gin.half_h - gin.node_h2);
  radius_min = MAX (gin.hub_radius + gin.node_w2 + gap, gin.node_w2 + gin.node_h2 + 3 * em);
  radius_min = MIN (radius_min, radius_max);
  for (guint i = 0; i < N_RADII; i++)
    {
      Geometry g;

      compute_geometry (&gin, radius_max - (radius_max - radius_min) * i / (N_RADII - 1), &g);
      if (!have_best || g.score > best.score + 0.02)
        {
          best = g;
          have_best = TRUE;
        }
      if (best.score >= 0.999)
        break;
    }
  for (guint s = 0; s < FW_N_STAGES; s++)
    g_array_unref (gin.paragraphs[s]);
  self->radius = MAX (best.radius, 1);
  self->hub_radius = MIN (gin.hub_radius, self->radius - gin.node_w2 - gap / 2);

  /* Nodes on the circle. */
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      double nx = self->cx + self->radius * cos (node_angle (s));
      double ny = self->cy + self->radius * sin (node_angle (s));
      double nh, nw;

      text_size (self->nodes[s].layout, &nw, &nh);
      place_text (&self->nodes[s], nx - gin.node_w2, ny - gin.node_h2,
                  2 * gin.node_w2, 2 * gin.node_h2, 0);
      self->nodes[s].text_x = self->nodes[s].box.x + 2 * self->node_pad + 2 * self->disk_radius;
      self->nodes[s].text_y = ny - nh / 2;
      text_size (self->numbers[s].layout, &nw, &nh);
      self->numbers[s].text_x = self->nodes[s].box.x + self->node_pad + self->disk_radius - nw / 2;
      self->numbers[s].text_y = ny - nh / 2;
      add_part (self, FW_FLYWHEEL_PART_NODE, s, &self->nodes[s].box);
    }

  /* The hub, if its word fits inside it. */
  if (self->hub_radius >= text_w / 2 + 0.3 * em)
    {
      place_text (&self->hub_text, self->cx - self->hub_radius, self->cy - self->hub_radius,
                  2 * self->hub_radius, 2 * self->hub_radius, 0);
      self->hub_text.text_x = self->cx - text_w / 2;
      self->hub_text.text_y = self->cy - text_h / 2;
      add_part (self, FW_FLYWHEEL_PART_HUB, -1, &self->hub_text.box);
    }
  else
    g_clear_object (&self->hub_text.layout);

  /* Arcs: from where the circle leaves the previous node to an arrowhead at
   * the edge of this one. */
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      guint prev = (s + FW_N_STAGES - 1) % FW_N_STAGES;
      double clear = gap / 2 / self->radius;
      double from = node_angle (prev) + leave_box (self->radius, node_angle (prev), +1,
                                                   gin.node_w2, gin.node_h2) + clear;
      double to = node_angle (s) - leave_box (self->radius, node_angle (s), -1,
                                              gin.node_w2, gin.node_h2) - clear;

      if (s == 0)
        to += 2 * G_PI;  /* from the left node (π) round to the top (3π/2) */
      self->arc_from[s] = from;
      self->arc_to[s] = MAX (to, from);
      self->cut_angle[s] = (from + self->arc_to[s]) / 2;
    }
  self->cut_gap = 1.3 * self->cut_radius / self->radius;

  /* The split mark sits a third of the way along the arc, apart from the cut
   * mark at its middle, so a stage both broken and split shows both. */
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      self->split_angle[s] = self->arc_from[s] + (self->arc_to[s] - self->arc_from[s]) / 4;
      if (self->has_spread && self->split[s])
        {
          cairo_rectangle_t r = {
            self->cx + self->radius * cos (self->split_angle[s]) - self->split_radius,
            self->cy + self->radius * sin (self->split_angle[s]) - self->split_radius,
            2 * self->split_radius, 2 * self->split_radius,
          };
          add_part (self, FW_FLYWHEEL_PART_SPLIT, s, &r);
        }
    }

  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      if (input->states[s] == FW_STAGE_STATE_BROKEN && !input->is_case)
        {
          cairo_rectangle_t r = {
            self->cx + self->radius * cos (self->cut_angle[s]) - self->cut_radius,
            self->cy + self->radius * sin (self->cut_angle[s]) - self->cut_radius,
            2 * self->cut_radius, 2 * self->cut_radius,
          };
          add_part (self, FW_FLYWHEEL_PART_CUT, s, &r);
        }
    }

  /* Labels: wrapped to their area, shortened with an ellipsis to its height,
   * and pushed against the corner nearest their arc. */
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      const QRect *a = &best.areas[s];
      double pad = gin.pad;
      double avail_w = MIN (a->u1 - a->u0 - 2 * pad, LABEL_MAX_EM * em);
      double avail_h = a->v1 - a->v0 - 2 * pad;
      double anchor = best.ring / G_SQRT2;
      double lh = line_height (self->labels[s].layout);
      double w, h, bu, bv;

      if (avail_w < LABEL_MIN_EM * em * 0.75 || avail_h < lh)
        {
          g_clear_object (&self->labels[s].layout);
          continue;
        }
      pango_layout_set_width (self->labels[s].layout, (int) (avail_w * PANGO_SCALE));
      pango_layout_set_height (self->labels[s].layout, (int) (avail_h * PANGO_SCALE));
      pango_layout_set_ellipsize (self->labels[s].layout, PANGO_ELLIPSIZE_END);
      self->ellipsized[s] = pango_layout_is_ellipsized (self->labels[s].layout);
      text_size (self->labels[s].layout, &w, &h);
      w = MIN (w, avail_w);
      if (h > avail_h + 0.5)
        {
          /* One line does not fit: nothing rather than an overlap. */
          g_clear_object (&self->labels[s].layout);
          continue;
        }
      w += 2 * pad;
      h += 2 * pad;
      bu = CLAMP (anchor, a->u0, a->u1 - w);
      bv = CLAMP (anchor, a->v0, a->v1 - h);
      qrect_to_rect (self, s, bu, bv, w, h, &self->labels[s].box);
      self->labels[s].text_x = self->labels[s].box.x + pad;
      self->labels[s].text_y = self->labels[s].box.y + pad;
      add_part (self, FW_FLYWHEEL_PART_LABEL, s, &self->labels[s].box);
    }

  count_unknown (self, self->title.layout);
  count_unknown (self, self->badge.layout);
  count_unknown (self, self->hub_text.layout);
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      count_unknown (self, self->nodes[s].layout);
      count_unknown (self, self->numbers[s].layout);
      count_unknown (self, self->labels[s].layout);
    }
  for (guint i = 0; i < FW_FLYWHEEL_N_LEGEND; i++)
    count_unknown (self, self->legend[i].layout);

  g_clear_object (&own_context);
  return self;
}

void
fw_flywheel_layout_free (FwFlywheelLayout *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->title.layout);
  g_clear_object (&self->badge.layout);
  g_clear_object (&self->hub_text.layout);
  for (guint s = 0; s < FW_N_STAGES; s++)
    {
      g_clear_object (&self->nodes[s].layout);
      g_clear_object (&self->numbers[s].layout);
      g_clear_object (&self->labels[s].layout);
    }
  for (guint i = 0; i < FW_FLYWHEEL_N_LEGEND; i++)
    g_clear_object (&self->legend[i].layout);
  g_array_unref (self->parts);
  g_free (self);
}

double
fw_flywheel_layout_get_width (const FwFlywheelLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

double
fw_flywheel_layout_get_height (const FwFlywheelLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height;
}

const FwDiagramStyle *
fw_flywheel_layout_get_style (const FwFlywheelLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->style;
}

static gboolean
in_rect (const cairo_rectangle_t *r,
         double                   x,
         double                   y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

int
fw_flywheel_layout_stage_at (const FwFlywheelLayout *self,
                             double                  x,
                             double                  y)
{
  double dx, dy, dist, angle, slack;

  g_return_val_if_fail (self != NULL, -1);

  for (guint s = 0; s < FW_N_STAGES; s++)
    if ((self->labels[s].layout && in_rect (&self->labels[s].box, x, y)) ||
        in_rect (&self->nodes[s].box, x, y))
      return s;

  /* Near an arc: within a comfortable pointer distance of the circle. */
  dx = x - self->cx;
  dy = y - self->cy;
  dist = sqrt (dx * dx + dy * dy);
  slack = MAX (self->em, self->cut_radius * 1.2);
  if (fabs (dist - self->radius) > slack)
    return -1;
  angle = atan2 (dy, dx);
  for (guint s = 0; s < FW_N_STAGES; s++)
    for (int turn = -1; turn <= 1; turn++)
      {
        double a = angle + turn * 2 * G_PI;

        if (a >= self->arc_from[s] && a <= self->arc_to[s])
          return s;
      }
  return -1;
}

guint
fw_flywheel_layout_get_n_parts (const FwFlywheelLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->parts->len;
}

void
fw_flywheel_layout_get_part (const FwFlywheelLayout *self,
                             guint                   index,
                             FwFlywheelPart         *part,
                             int                    *stage,
                             cairo_rectangle_t      *rect)
{
  const FwFlywheelPartInfo *info;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->parts->len);

  info = &g_array_index (self->parts, FwFlywheelPartInfo, index);
  if (part)
    *part = info->part;
  if (stage)
    *stage = info->stage;
  if (rect)
    *rect = info->rect;
}

gboolean
fw_flywheel_layout_get_label_rect (const FwFlywheelLayout *self,
                                   FwStage                 stage,
                                   cairo_rectangle_t      *rect)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (stage < FW_N_STAGES, FALSE);

  if (self->labels[stage].layout == NULL)
    return FALSE;
  if (rect)
    *rect = self->labels[stage].box;
  return TRUE;
}

gboolean
fw_flywheel_layout_stage_has_spread (const FwFlywheelLayout *self,
                                     FwStage                 stage)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (stage < FW_N_STAGES, FALSE);

  return self->has_spread && self->spread_strongest[stage] != FW_STAGE_STATE_UNANSWERED;
}

gboolean
fw_flywheel_layout_stage_is_cut (const FwFlywheelLayout *self,
                                 FwStage                 stage)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (stage < FW_N_STAGES, FALSE);

  return !self->is_case && self->states[stage] == FW_STAGE_STATE_BROKEN;
}

gboolean
fw_flywheel_layout_label_is_ellipsized (const FwFlywheelLayout *self,
                                        FwStage                 stage)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (stage < FW_N_STAGES, FALSE);

  return self->ellipsized[stage];
}

guint
fw_flywheel_layout_count_unknown_glyphs (const FwFlywheelLayout *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->unknown_glyphs;
}
