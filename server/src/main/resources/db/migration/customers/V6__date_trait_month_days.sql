-- Customers by the month-day of any date trait (a membership's start, a wedding day), for journeys that fire on it:
-- every trait whose value starts with an ISO date ('2019-03-08', '2019-03-08T10:00:00Z') as 'trait:03-08', in a GIN
-- index over live profiles, kept by PostgreSQL itself as traits change. The birthday keeps its own index (V5).
create function customers.trait_month_days(traits jsonb) returns text[]
    language sql immutable parallel safe
    as $$
        select coalesce(array_agg(key || ':' || substr(value, 6, 5) order by key), '{}')
          from jsonb_each_text(coalesce(traits, '{}'::jsonb))
         where value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}'
    $$;

create index customer_trait_month_days on customers.customer using gin (customers.trait_month_days(traits))
    where merged_into is null;
