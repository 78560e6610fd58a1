-- When two profiles turn out to be one person, the absorbed profile's unspent points move to the survivor: a line on
-- each side (kind 'merge'), and the lots follow with their own expiry.
alter table loyalty.points_line drop constraint points_line_kind_check;
alter table loyalty.points_line
    add constraint points_line_kind_check check (kind in ('grant', 'redeem', 'expire', 'reverse', 'merge'));
