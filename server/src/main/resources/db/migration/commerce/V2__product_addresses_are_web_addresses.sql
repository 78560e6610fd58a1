-- Product addresses are now absolute http(s) URLs only (the console shows them as links and images); addresses stored
-- before the rule existed that break it are dropped, so that no javascript: or data: address stays behind.
update commerce.product set url = null where url is not null and url !~* '^\s*https?://[^/?#\s]';
update commerce.product set image_url = null where image_url is not null and image_url !~* '^\s*https?://[^/?#\s]';
