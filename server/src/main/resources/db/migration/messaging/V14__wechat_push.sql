-- WeChat's message push (消息推送) reports the customer's decisions in the mini-program's subscription pop-up too
-- (subscribe_msg_popup_event), often the same ones the mini-program reported through the consumer API. Each source
-- counts the accepts it saw: "accepted" those the mini-program reported, "pushed" those WeChat pushed. The messages a
-- customer was granted are the larger of the two, so an accept reported both ways grants one message, not two.
alter table messaging.wechat_subscription add column pushed integer not null default 0;
