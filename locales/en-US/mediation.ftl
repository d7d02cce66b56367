# Mediation (调解): choices, the agreement, the CLI, errors.
mediation-about-family-support = Family support
mediation-about-property = Property
mediation-about-neighbours = Neighbours
mediation-about-rights = An elder's rights harmed
mediation-about-other = Other
mediation-outcome-agreed = Agreement reached
mediation-outcome-referred = Referred to the village committee
mediation-outcome-withdrawn = Withdrawn

mediation-agreement-title = Mediation agreement
mediation-agreement-no = Case no. M{ $id }
mediation-party-label = Party { $mark }: 
mediation-party-member = { $name } (member no. { $no })
mediation-agreement-about = The dispute: { $about }
mediation-agreement-terms = Through mediation the parties freely agree as follows:
mediation-agreement-copies = Each party and the association keep one copy; it takes effect when all have signed.
mediation-sign-party = Party { $mark } (signature):
mediation-sign-mediator = Mediator (signature):
mediation-agreement-mediator = Mediator: { $name }
file-name-mediation-agreement = Mediation agreement-{ $id }.pdf

cli-mediation-opened = Case { $id } opened: { $about }; parties { $parties }
cli-mediation-noted = Case { $id }: meeting { $count } recorded
cli-mediation-closed = Case { $id } closed: { $outcome } ({ $date })
cli-mediation-line = { $id }  { $opened }  { $about }  { $parties }  { $state }
cli-mediation-open = open
cli-mediation-none = No mediation cases.

error-mediation-about-required = Choose what the dispute is about
error-mediation-parties = Give at least two parties
error-mediation-not-found = There is no mediation case { $key }
error-mediation-closed = Case { $id } is closed and cannot be changed
error-mediation-note-required = Write what happened at the meeting
error-mediation-outcome-required = Choose the outcome
error-mediation-terms-required = Type the terms of the agreement
