// Zendesk's `via.channel` values ↔ the canonical channel. Reading accepts every channel Zendesk
// documents; writing picks one representative per canonical channel, so each round-trips.
import type { Channel } from '../../../../schema';

const FROM_ZENDESK: Record<string, Channel> = {
	web: 'web_form',
	web_form: 'web_form',
	help_center: 'web_form',
	web_widget: 'web_form',
	email: 'email',
	chat: 'chat',
	native_messaging: 'chat',
	messaging: 'chat',
	chat_transcript: 'chat',
	sunshine_conversations: 'chat',
	voice: 'voice',
	phone: 'voice',
	phone_call_inbound: 'voice',
	phone_call_outbound: 'voice',
	voicemail: 'voice',
	sms: 'sms',
	text: 'sms',
	facebook: 'social',
	facebook_messenger: 'social',
	twitter: 'social',
	twitter_dm: 'social',
	instagram_dm: 'social',
	whatsapp: 'social',
	line: 'social',
	wechat: 'social',
	telegram: 'social',
	viber: 'social',
	api: 'api',
	web_service: 'api',
	mobile_sdk: 'in_app',
	mobile: 'in_app',
	sdk: 'in_app'
};

const TO_ZENDESK: Record<Channel, string> = {
	chat: 'native_messaging',
	email: 'email',
	social: 'whatsapp',
	voice: 'voice',
	in_app: 'mobile_sdk',
	web_form: 'web',
	sms: 'sms',
	api: 'api',
	other: 'system'
};

export function channelFromZendesk(channel: string | number | null | undefined): Channel {
	if (typeof channel !== 'string') return 'other';
	return FROM_ZENDESK[channel.toLowerCase()] ?? 'other';
}

export function channelToZendesk(channel: Channel): string {
	return TO_ZENDESK[channel];
}
