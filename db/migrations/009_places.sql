-- Which parties of an ended pair are offered a new partner for the place they held in it. Ending a pair early
-- (objectives achieved, a move abroad) offers nobody a new partner unless the admin asks for a rematch; a
-- charter not signed in time offers one to whoever signed (both, if the admin kept both); a rematch, to both.
-- A place nobody is offered again stays taken: a mentor of two who drops one pair keeps the other, one fewer.
alter table pairs add column rematch_ids uuid[] not null default '{}';

-- Pairs ended before: their parties were matched again unless they had left, as the release before did.
update pairs set rematch_ids = array[mentee_id, mentor_id] where status = 'ended';
