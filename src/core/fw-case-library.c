/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "fw-gettext.h"

#include "fw-case-library.h"

typedef struct
{
  const char *id;
  const char *company;
  const char *name;
  const char *summary;
  const char *problem;
  const char *solution;
  const char *impact;
  const char *link;
  FwTask      task;
  const char *whys[FW_N_STAGES];
} FwLibraryCase;

/* The English is the sample workbook's, word for word, so a library case added
 * to the English sample equals the one it already holds. The Japanese catalogue
 * gives the deck's own words for the problem, solution, impact and the example
 * answers (tests/test-deck-wording.c holds them); the names and summaries are
 * the app's. */
static const FwLibraryCase library[] = {
  {
    "3b6f2c1e-8a4d-4f1b-9c7e-1d2a5e6f7a01",
    "Intuit",
    N_("Intuit: less time finding deductible expenses"),
    N_("TurboTax reads a year of the customer's bank transactions and classifies the "
       "deductible expenses automatically, so a job of hours takes minutes."),
    N_("Preparing a US income-tax return with TurboTax, Intuit's flagship product, users "
       "spent hours picking out the items that qualify for a deduction."),
    N_("Analyse a year of the customer's bank transactions and classify the deductible "
       "expenses automatically. The model was built with Amazon SageMaker and shipped as a "
       "feature called ExpenseFinder."),
    N_("Users' work went from hours to minutes. With SageMaker, the time to put ML into "
       "production fell by 90%, from six months to one week."),
    "https://aws.amazon.com/solutions/case-studies/intuit/",
    FW_TASK_CLASSIFICATION,
    {
      N_("ML classifies the deductions automatically."),
      N_("Work that took hours now takes minutes."),
      N_("The more users, the more transaction data."),
      N_("Transactions come paired with what was actually filed."),
    },
  },
  {
    "7c1d9e2f-4b3a-4e8c-a5d6-2e3f4a5b6c02",
    "Pomelo",
    N_("Pomelo: less time finding products that match your taste"),
    N_("Pomelo replaced a product display unchanged since its founding with personalised "
       "recommendations that reflect each customer's taste within minutes."),
    N_("Products had been shown on the website the same way since the company was founded, "
       "and sales data reached the site late, so customers struggled to find items they "
       "liked or what was trending."),
    N_("Personalised product recommendations for each customer, built with Amazon "
       "Personalize, on data refreshed so that a customer's taste shows within minutes."),
    N_("Click-through from category pages to products rose 18% and revenue from category "
       "pages 15%, for a 400% increase in ROI within a month."),
    "https://aws.amazon.com/solutions/case-studies/pomelo-fashion/",
    FW_TASK_RECOMMENDATION,
    {
      N_("ML recommends products that follow each customer's purchase history."),
      N_("A good site experience spreads by word of mouth."),
      N_("The more users, the more purchase data."),
      N_("The more purchase data, the more accurate the recommendation model."),
    },
  },
  {
    "a4e8b2c6-1f5d-4a7b-8e9c-3f4a5b6c7d03",
    "Fraud.net",
    N_("Fraud.net: catching new kinds of fraud before they do damage"),
    N_("Fraud.net moved from one anomaly-detection model for all fraud to one model per "
       "fraud type, so each kind of fraud is detected precisely; its answers come within "
       "200 ms."),
    N_("New fraud techniques keep appearing, and protecting customers means detecting each "
       "one precisely. A single anomaly-detection model for everything made it hard to "
       "raise the accuracy for any one technique."),
    N_("Switch from one model for all fraud to one model per fraud type, which raises the "
       "accuracy for each. Amazon Machine Learning manages and runs the many models this "
       "creates."),
    N_("Fraud.net's customers now prevent USD 1 million of fraud losses a week, and answers "
       "come within 200 milliseconds, which also made their applications faster."),
    "https://aws.amazon.com/solutions/case-studies/fraud-net/",
    FW_TASK_ANOMALY_DETECTION,
    {
      N_("The models detect fraud broadly and fast."),
      N_("Ever-growing fraud is hard for a company to detect on its own."),
      N_("The more users, the more account statements."),
      N_("The more statements, the wider the range of fraud in the data."),
    },
  },
};

guint
fw_case_library_get_n_cases (void)
{
  return G_N_ELEMENTS (library);
}

FwCase *
fw_case_library_new_case (guint index)
{
  const FwLibraryCase *entry;
  FwCase *self;

  g_return_val_if_fail (index < G_N_ELEMENTS (library), NULL);

  entry = &library[index];
  self = fw_case_new ();
  fw_case_set_text (self, FW_CASE_ID, entry->id);
  fw_case_set_text (self, FW_CASE_NAME, _(entry->name));
  fw_case_set_text (self, FW_CASE_SUMMARY, _(entry->summary));
  fw_case_set_text (self, FW_CASE_PROBLEM, _(entry->problem));
  fw_case_set_text (self, FW_CASE_SOLUTION, _(entry->solution));
  fw_case_set_text (self, FW_CASE_IMPACT, _(entry->impact));
  fw_case_set_text (self, FW_CASE_LINK, entry->link);
  fw_case_set_task (self, entry->task);
  for (guint s = 0; s < FW_N_STAGES; s++)
    fw_case_set_why (self, s, _(entry->whys[s]));
  return self;
}

const char *
fw_case_library_get_id (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (library), NULL);
  return library[index].id;
}

const char *
fw_case_library_get_company (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (library), NULL);
  return library[index].company;
}

int
fw_case_library_find (const char *id)
{
  if (id == NULL)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (library); i++)
    if (g_str_equal (library[i].id, id))
      return (int) i;
  return -1;
}

const char *
fw_case_library_get_example_why (guint   index,
                                 FwStage stage)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (library), "");
  g_return_val_if_fail (stage < FW_N_STAGES, "");
  return _(library[index].whys[stage]);
}
