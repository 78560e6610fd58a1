-- WeChat templates name the template picked in the mini-program's or official account's back office, the page it
-- opens and the Handlebars sources of its keys, as {"templateId": ..., "page": ..., "parameters": {...}}; inbox
-- messages and official-account messages may open a link. Null where the channel has none.
alter table messaging.template_version add column wechat jsonb;
alter table messaging.template_version add column link text;
